/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The evaluator used when none is configured: a metric without conditions is Successful, as in Argo. */
final class UnconfiguredConditions implements ConditionEvaluator {
  @Override
  public Outcome evaluate(String successCondition, String failureCondition, @Nullable Object result, Instant now) {
    if (successCondition.isEmpty() && failureCondition.isEmpty()) {
      return new Outcome(AnalysisPhase.SUCCESSFUL, "");
    }
    return new Outcome(AnalysisPhase.ERROR, "no condition evaluator is configured on the engine");
  }
}
