/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * 70 minutes of OpenMetrics data (one sample every 15 s from {@link #T0}) for four services, "good",
 * "error-prone", "slow" and "sluggish", each with a stable and a canary pod-template hash: 20 requests/s per pod,
 * latencies uniform in 10-70 ms (310-370 ms for the slow canary; 15-105 ms for the sluggish one, which stays within
 * the absolute limits but is twice as slow as stable at P99), no 5xx except the error-prone canary's 15%; the
 * canaries also have container memory, CPU and limits. The share of fast requests wobbles a little from step to step
 * (with another phase for canary and stable), so P99 series are not constant. A service of any other name has no
 * data at all.
 */
final class Backfill {
  static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);
  static final String STABLE = "stable0";
  static final String CANARY = "canary1";
  private static final int STEPS = 70 * 4;
  private static final double RATE = 20;
  private static final double[] LE = {0.025, 0.05, 0.1, 0.25, 0.5, 1};
  private static final double[] FRACTION = {0.25, 2.0 / 3, 1, 1, 1, 1};
  /** Latencies uniform in 310-370 ms: the slow canary. */
  private static final double[] SLOW = {0, 0, 0, 0, 1, 1};
  /** Latencies uniform in 15-105 ms: the sluggish canary. */
  private static final double[] SLUGGISH = {1.0 / 9, 35.0 / 90, 85.0 / 90, 1, 1, 1};

  private Backfill() {}

  static String openMetrics() {
    StringBuilder b = new StringBuilder();
    List<String> services = List.of("good", "error-prone", "slow", "sluggish");
    b.append("# TYPE http_requests counter\n");
    for (String s : services) {
      for (String h : List.of(STABLE, CANARY)) {
        double errors = s.equals("error-prone") && h.equals(CANARY) ? 0.15 : 0;
        series(b, "http_requests_total", labels(s, h) + ",status=\"200\"", RATE * (1 - errors));
        if (errors > 0 || h.equals(STABLE)) {
          series(b, "http_requests_total", labels(s, h) + ",status=\"500\"", RATE * errors);
        }
      }
    }
    b.append("# TYPE http_request_duration_seconds histogram\n");
    for (String s : services) {
      for (String h : List.of(STABLE, CANARY)) {
        double[] fraction = !h.equals(CANARY) ? FRACTION
            : s.equals("slow") ? SLOW : s.equals("sluggish") ? SLUGGISH : FRACTION;
        double[] buckets = new double[LE.length];
        for (int i = 0; i <= STEPS; i++) {
          long ts = T0.getEpochSecond() + 15L * i;
          double total = RATE * 15 * i;
          // Requests of this step moved between the two buckets below the slowest non-empty one: +-4%.
          double wobble = 0.02 * (((i + (h.equals(CANARY) ? 2 : 0)) % 5) - 2);
          for (int k = 0; k < LE.length; k++) {
            double share = fraction[k] < 1 && fraction[k] > 0 ? Math.min(1, fraction[k] * (1 + wobble)) : fraction[k];
            buckets[k] += i == 0 ? 0 : RATE * 15 * share;
            line(b, "http_request_duration_seconds_bucket", labels(s, h) + ",le=\"" + LE[k] + "\"", buckets[k], ts);
          }
          line(b, "http_request_duration_seconds_bucket", labels(s, h) + ",le=\"+Inf\"", total, ts);
          line(b, "http_request_duration_seconds_count", labels(s, h), total, ts);
          line(b, "http_request_duration_seconds_sum", labels(s, h), 0.04 * total, ts);
        }
      }
    }
    b.append("# TYPE container_memory_working_set_bytes gauge\n");
    for (String s : services) {
      series(b, "container_memory_working_set_bytes", pod(s), -200.0 * (1 << 20));
    }
    b.append("# TYPE container_cpu_usage_seconds counter\n");
    for (String s : services) {
      series(b, "container_cpu_usage_seconds_total", pod(s), 0.25);
    }
    b.append("# TYPE kube_pod_container_resource_limits gauge\n");
    for (String s : services) {
      series(b, "kube_pod_container_resource_limits", pod(s) + ",resource=\"memory\"", -512.0 * (1 << 20));
      series(b, "kube_pod_container_resource_limits", pod(s) + ",resource=\"cpu\"", -1);
    }
    return b.append("# EOF\n").toString();
  }

  private static String labels(String service, String hash) {
    return "service=\"" + service + "\",namespace=\"demo\",rollouts_pod_template_hash=\"" + hash + "\"";
  }

  private static String pod(String service) {
    return "namespace=\"demo\",pod=\"" + service + "-" + CANARY + "-0\",container=\"app\"";
  }

  /** A counter growing by perSecond, or (negative perSecond) a constant gauge of -perSecond. */
  private static void series(StringBuilder b, String name, String labels, double perSecond) {
    for (int i = 0; i <= STEPS; i++) {
      double v = perSecond < 0 ? -perSecond : perSecond * 15 * i;
      line(b, name, labels, v, T0.getEpochSecond() + 15L * i);
    }
  }

  private static void line(StringBuilder b, String name, String labels, double v, long ts) {
    b.append(name).append('{').append(labels).append("} ").append(String.format(Locale.ROOT, "%.3f", v))
        .append(' ').append(ts).append('\n');
  }
}
