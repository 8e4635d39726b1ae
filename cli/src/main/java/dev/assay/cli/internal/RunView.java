/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.engine.AnalysisListener;
import dev.assay.model.AnalysisRun;

/**
 * How {@code assay run} shows progress: {@link LiveView} redraws a table in place on a terminal, {@link ProgressLines}
 * prints one line per event when the output is a file or a pipe. Both are engine listeners; they are called on the
 * engine's scheduler thread and from the command's thread, so implementations synchronize.
 */
interface RunView extends AnalysisListener, AutoCloseable {
  /**
   * Prints a line that is not about a metric (a plan step, a weight change), above the live table.
   *
   * @param line the text
   */
  void note(String line);

  /**
   * Shows the run's final state; no more redraws follow for it.
   *
   * @param run the completed run
   */
  void finish(AnalysisRun run);

  /** Stops any redraw timer. */
  @Override
  void close();
}
