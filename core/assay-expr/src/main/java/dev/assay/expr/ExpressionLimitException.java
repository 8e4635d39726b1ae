/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import java.util.Objects;

/**
 * An evaluation hit one of the sandbox limits of {@link ExpressionLimits} (or was cancelled) and was stopped
 * before doing or allocating more. {@link #limit()} names the limit; the message says its value.
 */
public final class ExpressionLimitException extends ExpressionException {
  private static final long serialVersionUID = 1L;

  /** The limits an evaluation can hit. */
  public enum Limit {
    /** {@link ExpressionLimits#maxCollectionSize()}. */
    COLLECTION_SIZE,
    /** {@link ExpressionLimits#maxStringLength()}, also for JSON text built by {@code toJSON}. */
    STRING_LENGTH,
    /** {@link ExpressionLimits#maxSteps()}: loop iterations, elements built, regex and sort work. */
    STEPS,
    /** {@link ExpressionLimits#maxEvaluationTime()}. */
    EVALUATION_TIME,
    /** The evaluating thread was interrupted. */
    CANCELLED
  }

  /** Which limit stopped the evaluation. */
  private final Limit limit;

  /**
   * Creates the exception.
   *
   * @param limit the limit that was hit
   * @param reason the text, naming the limit and its value
   */
  public ExpressionLimitException(Limit limit, String reason) {
    super(reason, null, "");
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  /**
   * Which limit stopped the evaluation.
   *
   * @return the limit
   */
  public Limit limit() {
    return limit;
  }
}
