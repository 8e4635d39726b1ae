/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Backfill data for the command-line tests, in OpenMetrics text: a canary ({@code rollouts_pod_template_hash=
 * "c4n4ry"}) of service {@code checkout} in namespace {@code shop}, sampled every 15 s from {@link #start()} to an
 * hour after the test started, so that both history (for {@code backtest}) and "now" (for {@code run}) have data.
 * <ul>
 *   <li>Requests: 10/s with status 200 and 0.1/s with status 500 (1% errors), except during the injected
 *       incident, the 10 minutes after {@link #incident()}, when both are 5/s (50% errors). A counter sample at
 *       time t counts the requests of the 15 s up to t, so the first incident sample is at incident + 15 s.</li>
 *   <li>Latency gauges {@code request_latency_seconds} for the canary and for stable ({@code st4bl3}): about
 *       100 ms with a deterministic wobble, the canary 1% faster, so the statistical judge can compare them.</li>
 * </ul>
 */
final class IncidentData {
  static final String SERVICE = "checkout";
  static final String NAMESPACE = "shop";
  static final String CANARY = "c4n4ry";
  static final String STABLE = "st4bl3";
  static final Duration STEP = Duration.ofSeconds(15);
  static final Duration INCIDENT_LENGTH = Duration.ofMinutes(10);

  private final Instant start;
  private final Instant end;

  /**
   * Data around a time.
   *
   * @param now the test's start time
   */
  IncidentData(Instant now) {
    this.start = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(150));
    this.end = now.plus(Duration.ofMinutes(60));
  }

  /** The first sample time, on a whole minute. */
  Instant start() {
    return start;
  }

  /** When the incident starts: 90 minutes after {@link #start()}. */
  Instant incident() {
    return start.plus(Duration.ofMinutes(90));
  }

  private boolean inIncident(Instant t) {
    return t.isAfter(incident()) && !t.isAfter(incident().plus(INCIDENT_LENGTH));
  }

  /** The OpenMetrics text, ending with {@code # EOF}. */
  String openMetrics() {
    StringBuilder ok = new StringBuilder();
    StringBuilder errors = new StringBuilder();
    StringBuilder latency = new StringBuilder();
    double okCount = 0;
    double errorCount = 0;
    String labels = "service=\"" + SERVICE + "\",namespace=\"" + NAMESPACE + "\",rollouts_pod_template_hash=\"";
    int i = 0;
    for (Instant t = start; !t.isAfter(end); t = t.plus(STEP), i++) {
      boolean bad = inIncident(t);
      okCount += (bad ? 5 : 10) * STEP.toSeconds();
      errorCount += (bad ? 5 : 0.1) * STEP.toSeconds();
      long ts = t.getEpochSecond();
      ok.append(String.format(Locale.ROOT, "http_requests_total{%s%s\",status=\"200\"} %.1f %d%n", labels, CANARY,
          okCount, ts));
      errors.append(String.format(Locale.ROOT, "http_requests_total{%s%s\",status=\"500\"} %.1f %d%n", labels,
          CANARY, errorCount, ts));
      double wobble = 0.01 * Math.sin(i * 1.3) + 0.005 * Math.cos(i * 0.7);
      latency.append(String.format(Locale.ROOT, "request_latency_seconds{%s%s\"} %.6f %d%n", labels, CANARY,
          0.099 + wobble, ts));
      latency.append(String.format(Locale.ROOT, "request_latency_seconds{%s%s\"} %.6f %d%n", labels, STABLE,
          0.100 + 0.01 * Math.sin(i * 1.1 + 0.5) + 0.005 * Math.cos(i * 0.9), ts));
    }
    return "# HELP http_requests Requests served.\n# TYPE http_requests counter\n" + ok + errors
        + "# HELP request_latency_seconds P99 latency.\n# TYPE request_latency_seconds gauge\n" + latency
        + "# EOF\n";
  }
}
