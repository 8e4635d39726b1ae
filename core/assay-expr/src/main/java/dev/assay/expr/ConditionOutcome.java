/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.model.AnalysisPhase;
import java.util.Objects;

/**
 * The phase of one measurement, decided from its conditions.
 *
 * @param phase SUCCESSFUL, FAILED, INCONCLUSIVE or ERROR
 * @param message empty unless the phase is ERROR; then Argo's {@code could not evaluate ...} text
 */
public record ConditionOutcome(AnalysisPhase phase, String message) {
  /**
   * Validates the fields.
   *
   * @param phase SUCCESSFUL, FAILED, INCONCLUSIVE or ERROR
   * @param message empty unless the phase is ERROR; then Argo's {@code could not evaluate ...} text
   */
  public ConditionOutcome {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
  }
}
