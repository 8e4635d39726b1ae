/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Per-evaluation state: the time for {@code now()}, predicate variables per nesting level, and the step budget. */
public final class Frame {
  final @Nullable Instant now;
  final Object[] elem;
  final long[] index;
  final Object[] acc;
  private long stepsLeft;
  private final long maxSteps;

  /**
   * Creates a frame.
   *
   * @param now the time {@code now()} returns, or null when the caller supplied none
   * @param closureDepth how many nested predicates the plan has
   * @param maxSteps the evaluation step budget
   */
  public Frame(@Nullable Instant now, int closureDepth, long maxSteps) {
    this.now = now;
    this.elem = new Object[closureDepth];
    this.index = new long[closureDepth];
    this.acc = new Object[closureDepth];
    this.stepsLeft = maxSteps;
    this.maxSteps = maxSteps;
  }

  /** Consumes {@code n} steps of the budget. */
  void steps(long n) {
    stepsLeft -= n;
    if (stepsLeft < 0) {
      throw new ExpressionEvaluationException("evaluation exceeded the limit of " + maxSteps + " steps");
    }
  }

  Instant now() {
    if (now == null) {
      throw new ExpressionEvaluationException("now() is not available: no evaluation time was supplied");
    }
    return now;
  }
}
