/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides a measurement's phase from the metric's conditions and the provider's value (Argo's
 * {@code EvaluateResult}, docs/argo-semantics.md §2.5).
 *
 * <p><b>Thread-safety:</b> implementations must be thread-safe; the engine evaluates measurements concurrently.
 */
@FunctionalInterface
public interface ConditionEvaluator {
  /**
   * Evaluates the conditions.
   *
   * @param successCondition the success condition, empty when absent
   * @param failureCondition the failure condition, empty when absent
   * @param result the provider's value (Double, Long, String, Boolean, List, Map) or null
   * @param now the evaluation time (for {@code now()} in conditions)
   * @return the phase (Successful, Failed, Inconclusive or Error) and a message (empty unless Error)
   */
  Outcome evaluate(String successCondition, String failureCondition, @Nullable Object result, Instant now);

  /**
   * The standard evaluator: Assay's condition language with Argo's rules ({@code dev.assay.expr.Conditions}). It is
   * the engine's default.
   *
   * @return the evaluator (stateless, thread-safe)
   */
  static ConditionEvaluator standard() {
    return ExprConditions.INSTANCE;
  }

  /**
   * The result of evaluating conditions.
   *
   * @param phase a completed phase
   * @param message why, for Error; empty otherwise
   */
  record Outcome(AnalysisPhase phase, String message) {
    /**
     * Validates the components.
     *
     * @param phase a completed phase
     * @param message why, for Error; empty otherwise
     */
    public Outcome {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(message, "message");
    }
  }
}
