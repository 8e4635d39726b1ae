/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.AnalysisRun;

/**
 * Progress callbacks of a {@link PlanRunner}, on the thread that drives the plan. Every method has a no-op default;
 * an exception thrown by a listener is logged and ignored.
 */
public interface PlanListener {
  /** A listener that does nothing. */
  PlanListener NONE = new PlanListener() {};

  /**
   * A step starts.
   *
   * @param index the step's position, 0-based
   * @param step the step
   * @param status the status as the step starts
   */
  default void stepStarted(int index, CanaryStep step, PlanStatus status) {}

  /**
   * An analysis step's run completed.
   *
   * @param index the step's position
   * @param run the completed run; {@code run.status().phase()} is the verdict
   */
  default void analysisCompleted(int index, AnalysisRun run) {}

  /**
   * The plan paused, was promoted or rolled back.
   *
   * @param status the new status
   */
  default void phaseChanged(PlanStatus status) {}
}
