/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.internal.Values;
import dev.assay.model.AnalysisPhase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argo's {@code EvaluateResult}: the measurement phase from a success and a failure condition. Stateless. */
public final class Conditions {
  static final String NIL_OR_EMPTY = "metric result is nil or empty: no data returned from the metric provider";

  private Conditions() {}

  /**
   * Evaluates both conditions without a time ({@code now()} is an error).
   *
   * @param successCondition the success condition; empty means absent
   * @param failureCondition the failure condition; empty means absent
   * @param result the provider's value; may be null
   * @return the outcome
   */
  public static ConditionOutcome evaluate(String successCondition, String failureCondition,
      @Nullable Object result) {
    return evaluate(successCondition, failureCondition, result, null);
  }

  /**
   * Evaluates both conditions: the success condition first (an error there stops evaluation), then the failure
   * condition. Failure wins when both are true; a lone success condition that is false gives Failed; two false
   * conditions give Inconclusive; no condition gives Successful.
   *
   * @param successCondition the success condition; empty means absent
   * @param failureCondition the failure condition; empty means absent
   * @param result the provider's value; may be null
   * @param now the time {@code now()} returns; null makes {@code now()} an error
   * @return the outcome; ERROR carries Argo's message
   */
  public static ConditionOutcome evaluate(String successCondition, String failureCondition,
      @Nullable Object result, @Nullable Instant now) {
    Objects.requireNonNull(successCondition, "successCondition");
    Objects.requireNonNull(failureCondition, "failureCondition");
    Object value = Values.normalize(result);
    boolean success = false;
    boolean failure = false;
    try {
      if (!successCondition.isEmpty()) {
        success = eval(successCondition, value, now);
      }
    } catch (ExpressionException ex) {
      return error("successCondition", successCondition, value, ex);
    }
    try {
      if (!failureCondition.isEmpty()) {
        failure = eval(failureCondition, value, now);
      }
    } catch (ExpressionException ex) {
      return error("failureCondition", failureCondition, value, ex);
    }
    if (successCondition.isEmpty() && failureCondition.isEmpty()) {
      return new ConditionOutcome(AnalysisPhase.SUCCESSFUL, "");
    } else if (failureCondition.isEmpty()) {
      failure = !success;
    } else if (successCondition.isEmpty()) {
      success = !failure;
    }
    if (failure) {
      return new ConditionOutcome(AnalysisPhase.FAILED, "");
    }
    return new ConditionOutcome(success ? AnalysisPhase.SUCCESSFUL : AnalysisPhase.INCONCLUSIVE, "");
  }

  private static boolean eval(String condition, @Nullable Object value, @Nullable Instant now) {
    return ConditionCompiler.standard().compile(condition, ResultType.of(value)).evaluate(value, now);
  }

  private static ConditionOutcome error(String which, String condition, @Nullable Object value,
      ExpressionException ex) {
    String reason = isNilOrEmpty(value) ? NIL_OR_EMPTY : ex.reason();
    return new ConditionOutcome(AnalysisPhase.ERROR, "could not evaluate " + which + " \"" + condition + "\": "
        + reason);
  }

  /**
   * Argo's test for the replacement message: nil, or an empty list.
   *
   * @param value the provider's value
   * @return true when nil or an empty list or array
   */
  public static boolean isNilOrEmpty(@Nullable Object value) {
    return value == null || (value instanceof List && ((List<?>) value).isEmpty())
        || (value instanceof double[] && ((double[]) value).length == 0)
        || (value instanceof Object[] && ((Object[]) value).length == 0);
  }
}
