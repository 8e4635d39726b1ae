/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import dev.assay.expr.ExpressionLimitException;
import dev.assay.expr.ExpressionLimitException.Limit;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Per-evaluation state: the time for {@code now()}, predicate variables per nesting level, and the step budget. */
public final class Frame {
  final @Nullable Instant now;
  final Object[] elem;
  final long[] index;
  final Object[] acc;
  /** Values of {@code let} variables, by slot. */
  final Object[] locals;
  private long stepsLeft;
  private final long maxSteps;
  private final long maxNanos;
  /** Steps left until the next clock and interruption check. */
  private long untilCheck = CHECK_EVERY;
  private long startNanos;
  private static final long CHECK_EVERY = 4096;

  /**
   * Creates a frame.
   *
   * @param now the time {@code now()} returns, or null when the caller supplied none
   * @param closureDepth how many nested predicates the plan has
   * @param localSlots how many {@code let} variables the plan has
   * @param maxSteps the evaluation step budget
   * @param maxNanos the wall-clock budget, in nanoseconds
   */
  public Frame(@Nullable Instant now, int closureDepth, int localSlots, long maxSteps, long maxNanos) {
    this.maxNanos = maxNanos;
    this.locals = new Object[localSlots];
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
      throw new ExpressionLimitException(Limit.STEPS, "evaluation exceeded the limit of " + maxSteps
          + " steps (maxSteps)");
    }
    untilCheck -= n;
    if (untilCheck <= 0) {
      untilCheck = CHECK_EVERY;
      checkTimeAndCancellation();
    }
  }

  /**
   * Stops an evaluation whose thread was interrupted (an abandoned evaluation) or that ran past its time budget.
   * The clock starts at the first check, after the first few thousand steps, so cheap conditions never read it.
   */
  private void checkTimeAndCancellation() {
    if (Thread.currentThread().isInterrupted()) {
      throw new ExpressionLimitException(Limit.CANCELLED, "evaluation cancelled: its thread was interrupted");
    }
    long t = System.nanoTime();
    if (startNanos == 0) {
      startNanos = t;
    } else if (t - startNanos > maxNanos) {
      throw new ExpressionLimitException(Limit.EVALUATION_TIME, "evaluation exceeded the limit of "
          + java.time.Duration.ofNanos(maxNanos).toMillis() + " ms (maxEvaluationTime)");
    }
  }

  Instant now() {
    if (now == null) {
      throw new ExpressionEvaluationException("now() is not available: no evaluation time was supplied");
    }
    return now;
  }
}
