/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.template.ArgumentResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a completed analysis run in words a person can act on: for every metric that did not succeed, its
 * phase, the measured values, the conditions and the limit that tripped.
 */
public final class RunReport {
  private RunReport() {}

  /**
   * One line per metric that is not Successful (all metrics when {@code all} is true).
   *
   * @param run the run
   * @param all whether to include Successful metrics too
   * @return the lines, never null
   */
  public static List<String> lines(AnalysisRun run, boolean all) {
    List<String> lines = new ArrayList<>();
    for (MetricResult r : run.status().metricResults()) {
      if (!all && r.phase() == AnalysisPhase.SUCCESSFUL) {
        continue;
      }
      lines.add(line(run, r));
    }
    return lines;
  }

  /**
   * The run's phase followed by {@link #lines(AnalysisRun, boolean) the lines} of its unsuccessful metrics.
   *
   * @param run the run
   * @return the explanation, several lines
   */
  public static String explain(AnalysisRun run) {
    StringBuilder b = new StringBuilder("AnalysisRun ").append(run.metadata().name()).append(": ")
        .append(run.status().phase().wireName());
    if (!run.status().message().isEmpty()) {
      b.append(" (").append(run.status().message()).append(')');
    }
    for (String l : lines(run, false)) {
      b.append("\n  ").append(l);
    }
    return b.toString();
  }

  /** Long values (a whole web page, a long vector) are cut so that a report stays readable. */
  static String abbreviate(String value) {
    String flat = value.replace('\n', ' ');
    return flat.length() <= 80 ? flat : flat.substring(0, 60) + "... (" + value.length() + " chars)";
  }

  private static String bounded(String value) {
    String flat = value.replace('\n', ' ');
    return flat.length() <= 500 ? flat : flat.substring(0, 500) + "... (" + value.length() + " chars)";
  }

  /** The metrics with their arguments filled in (secrets stay as references), or as written when that fails. */
  private static List<Metric> shownMetrics(AnalysisRun run) {
    try {
      return ArgumentResolver.resolveWithoutSecrets(run.spec().metrics(), run.spec().args());
    } catch (RuntimeException e) {
      return run.spec().metrics();
    }
  }

  private static String line(AnalysisRun run, MetricResult r) {
    StringBuilder b = new StringBuilder("metric \"").append(r.name()).append("\" ").append(r.phase().wireName());
    List<String> values = new ArrayList<>();
    for (Measurement m : r.measurements()) {
      values.add(m.phase() == AnalysisPhase.ERROR ? "Error(" + m.message() + ")"
          : abbreviate(m.value()) + " " + m.phase().wireName());
    }
    b.append(": measurements ").append(values);
    // The newest value is the evidence a person acts on (a judge's explanation, a long vector): show it whole,
    // within a bound, when the list above had to cut it. Multi-line values are documents (a scraped page), not
    // evidence, and stay cut.
    r.lastMeasurement().filter(m -> m.phase() != AnalysisPhase.ERROR && m.value().indexOf('\n') < 0
            && !abbreviate(m.value()).equals(m.value()))
        .ifPresent(m -> b.append(", last value: ").append(bounded(m.value())));
    b.append(", counts successful=").append(r.successful()).append(" failed=").append(r.failed())
        .append(" inconclusive=").append(r.inconclusive()).append(" error=").append(r.error());
    for (Metric m : shownMetrics(run)) {
      if (m.name().equals(r.name())) {
        if (!m.successCondition().isEmpty()) {
          b.append(", successCondition: ").append(m.successCondition());
        }
        if (!m.failureCondition().isEmpty()) {
          b.append(", failureCondition: ").append(m.failureCondition());
        }
        b.append(", failureLimit ").append(m.failureLimitValue()).append(", inconclusiveLimit ")
            .append(m.inconclusiveLimitValue()).append(", consecutiveErrorLimit ")
            .append(m.consecutiveErrorLimitValue());
      }
    }
    if (!r.message().isEmpty()) {
      b.append(" (").append(r.message()).append(')');
    }
    return b.toString();
  }
}
