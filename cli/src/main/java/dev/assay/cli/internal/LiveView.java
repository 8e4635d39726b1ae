/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The live table of a run on a terminal, redrawn in place (ANSI cursor-up and clear-to-end) after every
 * measurement and once a second for the countdown to the next measurement. Lines are cut to the terminal width so
 * that nothing wraps and the redraw stays in place. Notes (plan steps) are printed above the table.
 */
final class LiveView implements RunView {
  private static final String CLEAR_TO_END = "\033[J";
  private static final Duration TICK = Duration.ofSeconds(1);

  private final PrintWriter out;
  private final Clock clock;
  private final Scheduler scheduler;
  private final int width;
  private final List<String> pendingNotes = new ArrayList<>();
  private @Nullable AnalysisRun current;
  private int printed;
  private @Nullable Cancellable tick;
  private boolean closed;

  LiveView(PrintWriter out, Clock clock, Scheduler scheduler, int width) {
    this.out = out;
    this.clock = clock;
    this.scheduler = scheduler;
    this.width = Math.max(40, width);
  }

  @Override
  public synchronized void onMeasurementTaken(AnalysisRun run, String metric, Measurement measurement) {
    show(run);
  }

  @Override
  public synchronized void onMetricPhaseChanged(AnalysisRun run, String metric, AnalysisPhase from,
      AnalysisPhase to) {
    show(run);
  }

  /**
   * Starts showing a run before its first measurement (and starts the countdown timer).
   *
   * @param run the run as started
   */
  synchronized void start(AnalysisRun run) {
    show(run);
  }

  @Override
  public synchronized void note(String line) {
    pendingNotes.add(line);
    repaint();
  }

  @Override
  public synchronized void finish(AnalysisRun run) {
    if (current != null && current.metadata().name().equals(run.metadata().name())) {
      current = run;
      repaint();
      printed = 0; // the finished table stays on screen; the next run draws below it
      current = null;
    }
    out.flush();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (tick != null) {
      tick.cancel();
    }
    out.flush();
  }

  private void show(AnalysisRun run) {
    if (current != null && !current.metadata().name().equals(run.metadata().name())) {
      printed = 0; // a new run of a plan: keep the old table, draw a new one
    }
    current = run;
    repaint();
    if (tick == null && !closed) {
      tick = scheduler.schedule(this::onTick, TICK);
    }
  }

  private synchronized void onTick() {
    tick = null;
    if (closed) {
      return;
    }
    if (current != null) {
      repaint();
    }
    tick = scheduler.schedule(this::onTick, TICK);
  }

  private void repaint() {
    StringBuilder b = new StringBuilder();
    if (printed > 0) {
      b.append("\033[").append(printed).append('A');
    }
    b.append('\r').append(CLEAR_TO_END);
    for (String n : pendingNotes) {
      b.append(Text.cut(n, width)).append('\n');
    }
    pendingNotes.clear();
    List<String> table = current == null ? List.of() : table(current, clock.instant());
    for (String line : table) {
      b.append(Text.cut(line, width)).append('\n');
    }
    printed = table.size();
    out.print(b);
    out.flush();
  }

  /** The table: a title line, a header line, one line per metric. */
  List<String> table(AnalysisRun run, Instant now) {
    List<String> lines = new ArrayList<>();
    Instant started = run.status().startedAt() == null ? now : run.status().startedAt();
    Instant until = run.status().completedAt() != null ? run.status().completedAt() : now;
    long s = Math.max(0, Duration.between(started, until).toSeconds());
    String phase = run.status().phase() == AnalysisPhase.NONE ? "Pending" : run.status().phase().wireName();
    lines.add(String.format(Locale.ROOT, "AnalysisRun %s   %s   %d:%02d elapsed", run.metadata().name(), phase,
        s / 60, s % 60));
    lines.add(Text.column("METRIC", 20) + Text.column("PHASE", 13) + Text.column("TAKEN", 7)
        + Text.column("NEXT", 9) + Text.column("LAST VALUE", 26) + "CONDITION");
    for (MetricRow r : MetricRow.of(run, now)) {
      String phaseName = r.phase() == AnalysisPhase.NONE ? "Pending" : r.phase().wireName();
      lines.add(Text.column(r.name(), 19) + " " + Text.column(phaseName, 13) + Text.column(r.progress(), 7)
          + Text.column(r.nextText(), 9) + Text.column(r.lastValue(), 25) + " " + r.condition());
    }
    return lines;
  }
}
