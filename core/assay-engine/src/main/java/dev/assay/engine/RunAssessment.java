/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRunStatus;
import java.util.Objects;

/**
 * The result of {@link Assessment#assessRun}: the run's phase and message, and the status with every metric's phase,
 * message and the run summaries updated (the run's own phase and message are not applied to it).
 *
 * @param phase the assessed run phase (Running, or a completed phase)
 * @param message the run message that goes with the phase
 * @param status the updated status
 */
public record RunAssessment(AnalysisPhase phase, String message, AnalysisRunStatus status) {
  /**
   * Validates the components.
   *
   * @param phase the assessed run phase (Running, or a completed phase)
   * @param message the run message that goes with the phase
   * @param status the updated status
   */
  public RunAssessment {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
  }
}
