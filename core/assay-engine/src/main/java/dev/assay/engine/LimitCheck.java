/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import java.util.Objects;

/**
 * The outcome of Argo's limit check on a metric's counters ({@code assessMetricFailureInconclusiveOrError}).
 *
 * @param phase Failed, Inconclusive or Error when a limit is exceeded; {@link AnalysisPhase#NONE} otherwise
 * @param message for example {@code failed (1) > failureLimit (0)}; empty when no limit is exceeded
 */
public record LimitCheck(AnalysisPhase phase, String message) {
  /** No limit exceeded. */
  public static final LimitCheck NONE = new LimitCheck(AnalysisPhase.NONE, "");

  /**
   * Validates the components.
   *
   * @param phase Failed, Inconclusive or Error when a limit is exceeded; {@link AnalysisPhase#NONE} otherwise
   * @param message for example {@code failed (1) > failureLimit (0)}; empty when no limit is exceeded
   */
  public LimitCheck {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Whether some limit is exceeded.
   *
   * @return true when {@link #phase()} is not {@link AnalysisPhase#NONE}
   */
  public boolean exceeded() {
    return phase != AnalysisPhase.NONE;
  }
}
