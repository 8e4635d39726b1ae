/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Plain progress for logs and pipes: one line per finished measurement and per metric phase change, each with the
 * seconds since the view started, for example {@code [  61s] error-rate  2/5  [0.0123]  Successful}.
 */
final class ProgressLines implements RunView {
  private final PrintWriter out;
  private final Clock clock;
  private final Instant start;

  ProgressLines(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
    this.start = clock.instant();
  }

  @Override
  public synchronized void onMeasurementTaken(AnalysisRun run, String metric, Measurement measurement) {
    if (measurement.finishedAt() == null) {
      return;
    }
    String progress = MetricRow.of(run, clock.instant()).stream().filter(r -> r.name().equals(metric))
        .findFirst().map(MetricRow::progress).orElse("");
    line(metric + "  " + progress + "  " + Text.cut(MetricRow.shown(measurement), 100) + "  "
        + measurement.phase().wireName());
  }

  @Override
  public synchronized void onMetricPhaseChanged(AnalysisRun run, String metric, AnalysisPhase from,
      AnalysisPhase to) {
    if (to.isCompleted()) {
      line(metric + "  -> " + to.wireName());
    }
  }

  @Override
  public synchronized void note(String line) {
    line(line);
  }

  @Override
  public synchronized void finish(AnalysisRun run) {
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }

  private void line(String text) {
    long s = Duration.between(start, clock.instant()).toSeconds();
    out.printf(Locale.ROOT, "[%5ds] %s%n", s, text);
    out.flush();
  }
}
