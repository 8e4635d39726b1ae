/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.GoDuration;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.template.ArgumentResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a progress view shows for one metric at one moment: its phase, measurements taken of the count, the last
 * value, the condition, and the time until the next measurement.
 *
 * @param name the metric name
 * @param phase the metric's phase (Pending before its first measurement)
 * @param taken measurements taken so far
 * @param count the effective count, or -1 when unbounded
 * @param lastValue the newest value (or error message), one line, or empty
 * @param condition the conditions in short form
 * @param next time until the next measurement, or null when none is due (done, or waiting on a provider)
 */
record MetricRow(String name, AnalysisPhase phase, int taken, int count, String lastValue, String condition,
    @Nullable Duration next) {

  /**
   * The rows of a run at a time.
   *
   * @param run the run as of its latest evaluation
   * @param now the current time
   * @return one row per metric, in spec order
   */
  static List<MetricRow> of(AnalysisRun run, Instant now) {
    List<Metric> metrics = resolved(run);
    List<MetricRow> rows = new ArrayList<>();
    for (Metric m : metrics) {
      Optional<MetricResult> result = run.status().metricResults().stream()
          .filter(r -> r.name().equals(m.name())).findFirst();
      AnalysisPhase phase = result.map(MetricResult::phase).orElse(AnalysisPhase.PENDING);
      int taken = result.map(MetricResult::count).orElse(0);
      Optional<Measurement> last = result.flatMap(MetricResult::lastMeasurement);
      String value = last.map(MetricRow::shown).orElse("");
      int count = m.effectiveCount() == Metric.UNBOUNDED ? -1 : m.effectiveCount();
      rows.add(new MetricRow(m.name(), phase, taken, count, value, condition(m), next(run, m, phase, last, now)));
    }
    return rows;
  }

  /** The metrics with their arguments filled in (secrets stay references), or as written when that fails. */
  static List<Metric> resolved(AnalysisRun run) {
    try {
      return ArgumentResolver.resolveWithoutSecrets(run.spec().metrics(), run.spec().args());
    } catch (RuntimeException e) {
      return run.spec().metrics();
    }
  }

  /** "taken/count", or "taken" for an unbounded metric. */
  String progress() {
    return count < 0 ? String.valueOf(taken) : taken + "/" + count;
  }

  /** "in 12s", "due", or "-". */
  String nextText() {
    if (next == null) {
      return "-";
    }
    long s = (next.toMillis() + 999) / 1000;
    return s <= 0 ? "due" : "in " + GoDuration.format(Duration.ofSeconds(s));
  }

  static String shown(Measurement m) {
    String v = m.phase() == AnalysisPhase.ERROR ? "error: " + m.message() : m.value();
    return v.replace('\n', ' ').strip();
  }

  static String condition(Metric m) {
    List<String> parts = new ArrayList<>();
    if (!m.successCondition().isEmpty()) {
      parts.add("ok: " + m.successCondition());
    }
    if (!m.failureCondition().isEmpty()) {
      parts.add("fail: " + m.failureCondition());
    }
    return parts.isEmpty() ? "(no condition: any value passes)" : String.join("  ", parts);
  }

  private static @Nullable Duration next(AnalysisRun run, Metric m, AnalysisPhase phase, Optional<Measurement> last,
      Instant now) {
    if (phase.isCompleted() || run.status().phase().isCompleted()) {
      return null;
    }
    if (last.isPresent()) {
      Measurement l = last.get();
      if (l.finishedAt() == null) {
        return null; // in flight: the provider decides
      }
      if (m.interval().isEmpty()) {
        return null;
      }
      return Duration.between(now, l.finishedAt().plus(parse(m.interval())));
    }
    Instant started = run.status().startedAt() == null ? now : run.status().startedAt();
    Duration delay = m.initialDelay().isEmpty() ? Duration.ZERO : parse(m.initialDelay());
    return Duration.between(now, started.plus(delay));
  }

  private static Duration parse(String goDuration) {
    try {
      return GoDuration.parse(goDuration);
    } catch (RuntimeException e) {
      return Duration.ZERO;
    }
  }
}
