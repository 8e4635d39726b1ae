/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.expr.ConditionOutcome;
import dev.assay.expr.Conditions;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The default evaluator: Assay's condition language ({@link Conditions#evaluate}), Argo's rules exactly. */
final class ExprConditions implements ConditionEvaluator {
  static final ExprConditions INSTANCE = new ExprConditions();

  private ExprConditions() {}

  @Override
  public Outcome evaluate(String successCondition, String failureCondition, @Nullable Object result, Instant now) {
    ConditionOutcome o = Conditions.evaluate(successCondition, failureCondition, result, now);
    return new Outcome(o.phase(), o.message());
  }
}
