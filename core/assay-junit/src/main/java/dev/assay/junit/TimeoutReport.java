/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.model.AnalysisRun;
import dev.assay.model.Metric;
import dev.assay.plan.RunReport;

/** Where a run that timed out stood: its phase and, per metric, the phase, counts and last value. */
final class TimeoutReport {
  private TimeoutReport() {}

  /**
   * Describes a run that has not completed.
   *
   * @param run the run as it was when the wait ended
   * @return the phase and one line per metric
   */
  static String describe(AnalysisRun run) {
    String phase = run.status().phase().wireName();
    StringBuilder b = new StringBuilder("the run was ").append(phase.isEmpty() ? "Pending" : phase);
    if (!run.status().message().isEmpty()) {
      b.append(" (").append(run.status().message()).append(')');
    }
    for (String line : RunReport.lines(run, true)) {
      b.append("\n  ").append(line);
    }
    for (Metric m : run.spec().metrics()) {
      if (run.status().metricResult(m.name()).isEmpty()) {
        b.append("\n  metric \"").append(m.name()).append("\" Pending: no measurement yet");
      }
    }
    return b.toString();
  }
}
