/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.internal.Program;
import dev.assay.expr.internal.Values;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Argo's {@code EvalTime}, used for Prometheus {@code rangeQuery.start} and {@code end}: an expression such as
 * {@code now() - duration("5m")} that must produce a time. Only {@code isNaN}, {@code isInf} and the built-ins are
 * in scope. Stateless and thread-safe.
 */
public final class TimeExpressions {
  private TimeExpressions() {}

  /**
   * Evaluates a time expression.
   *
   * @param source the expression
   * @param now the time {@code now()} returns
   * @return the instant
   * @throws ExpressionException with Argo's text as {@link ExpressionException#reason()}, for example
   *     {@code time: invalid duration "??"} or {@code expected time.Time, but got string}
   */
  public static Instant evaluate(String source, Instant now) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(now, "now");
    Program p = Program.compile(source, Map.of(), false, ExpressionLimits.DEFAULTS);
    Object v = p.eval(null, now);
    if (v instanceof Instant) {
      return (Instant) v;
    }
    throw new ExpressionEvaluationException("expected time.Time, but got " + Values.typeName(v));
  }
}
