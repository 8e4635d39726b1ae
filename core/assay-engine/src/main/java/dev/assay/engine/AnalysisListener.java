/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;

/**
 * Structured hooks into a run's progress. Every method has a no-op default, so implement only what you need.
 * Callbacks run on the engine's scheduler thread right after the evaluation that caused them; keep them short.
 * An exception thrown by a callback is logged and otherwise ignored.
 */
public interface AnalysisListener {
  /** A listener that does nothing. */
  AnalysisListener NONE = new AnalysisListener() {};

  /**
   * A measurement was started, resumed or finished.
   *
   * @param run the run after the evaluation
   * @param metric the metric name
   * @param measurement the measurement as stored (in flight when {@code finishedAt} is null)
   */
  default void onMeasurementTaken(AnalysisRun run, String metric, Measurement measurement) {}

  /**
   * A metric's phase changed.
   *
   * @param run the run after the evaluation
   * @param metric the metric name
   * @param from the previous phase ({@link AnalysisPhase#NONE} when the metric had no result)
   * @param to the new phase
   */
  default void onMetricPhaseChanged(AnalysisRun run, String metric, AnalysisPhase from, AnalysisPhase to) {}

  /**
   * The run's status changed and the engine's {@link StatusStore} saved it without error.
   *
   * @param run the run as saved
   */
  default void onStatusPersisted(AnalysisRun run) {}

  /**
   * An evaluation of the run finished (or threw and will be retried), with what it cost: scheduling lag, real
   * elapsed time and each provider call's time. Called after the measurement, phase and persistence callbacks of the
   * same evaluation and before {@link #onRunCompleted}. For monitoring, such as the {@code assay-micrometer} binder.
   *
   * @param run the run after the evaluation (the run before it when the evaluation failed)
   * @param timing what the evaluation cost
   */
  default void onEvaluated(AnalysisRun run, EvaluationTiming timing) {}

  /**
   * The run reached a completed phase (Successful, Failed, Error or Inconclusive).
   *
   * @param run the completed run
   */
  default void onRunCompleted(AnalysisRun run) {}
}
