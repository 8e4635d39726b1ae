/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.ExpressionLimitException.Limit;
import java.time.Duration;
import java.util.Objects;

/**
 * Sandbox limits. Each one, when exceeded, fails the compilation or evaluation with a clear
 * {@link ExpressionException} instead of exhausting memory or the stack.
 *
 * @param maxSourceLength longest accepted expression text, in characters (default 10,000)
 * @param maxDepth deepest syntax tree (default 100 levels)
 * @param maxCollectionSize largest list or map an evaluation may build, including ranges (default 100,000)
 * @param maxStringLength longest string an evaluation may build, in characters (default 1,000,000)
 * @param maxSteps evaluation steps (loop iterations, elements built, regex, search and sort work) per evaluation
 *     (default 10,000,000)
 * @param maxEvaluationTime wall-clock budget of one evaluation (default 2 s), checked every few thousand steps;
 *     an interrupted evaluating thread stops at the same checks
 */
public record ExpressionLimits(int maxSourceLength, int maxDepth, int maxCollectionSize, int maxStringLength,
    long maxSteps, Duration maxEvaluationTime) {
  /** The defaults listed above. */
  public static final ExpressionLimits DEFAULTS = new ExpressionLimits(10_000, 100, 100_000, 1_000_000, 10_000_000L);

  /**
   * Validates that every limit is positive.
   *
   * @param maxSourceLength longest accepted expression text, in characters (default 10,000)
   * @param maxDepth deepest syntax tree (default 100 levels)
   * @param maxCollectionSize largest list or map an evaluation may build, including ranges (default 100,000)
   * @param maxStringLength longest string an evaluation may build, in characters (default 1,000,000)
   * @param maxSteps evaluation steps (loop iterations, elements built, regex work) per evaluation (default 10,000,000)
   * @param maxEvaluationTime wall-clock budget of one evaluation (default 2 s)
   */
  public ExpressionLimits {
    Objects.requireNonNull(maxEvaluationTime, "maxEvaluationTime");
    if (maxSourceLength < 1 || maxDepth < 1 || maxCollectionSize < 1 || maxStringLength < 1 || maxSteps < 1
        || maxEvaluationTime.isNegative() || maxEvaluationTime.isZero()) {
      throw new IllegalArgumentException("every limit must be >= 1, but was " + maxSourceLength + ", " + maxDepth
          + ", " + maxCollectionSize + ", " + maxStringLength + ", " + maxSteps + ", " + maxEvaluationTime);
    }
  }

  /**
   * Limits with the default evaluation time budget of 2 s.
   *
   * @param maxSourceLength longest accepted expression text, in characters
   * @param maxDepth deepest syntax tree
   * @param maxCollectionSize largest list or map an evaluation may build
   * @param maxStringLength longest string an evaluation may build, in characters
   * @param maxSteps evaluation steps per evaluation
   */
  public ExpressionLimits(int maxSourceLength, int maxDepth, int maxCollectionSize, int maxStringLength,
      long maxSteps) {
    this(maxSourceLength, maxDepth, maxCollectionSize, maxStringLength, maxSteps, Duration.ofSeconds(2));
  }

  /**
   * Checks a collection size against {@link #maxCollectionSize}.
   *
   * @param size the size about to be built
   * @throws ExpressionLimitException when it is too large
   */
  public void checkCollection(long size) {
    if (size > maxCollectionSize) {
      throw new ExpressionLimitException(Limit.COLLECTION_SIZE, "collection of " + size
          + " elements exceeds the limit of " + maxCollectionSize + " (maxCollectionSize)");
    }
  }

  /**
   * Checks a string length against {@link #maxStringLength}.
   *
   * @param length the length about to be built, in characters
   * @throws ExpressionLimitException when it is too long
   */
  public void checkString(long length) {
    if (length > maxStringLength) {
      throw new ExpressionLimitException(Limit.STRING_LENGTH, "string of " + length
          + " characters exceeds the limit of " + maxStringLength + " (maxStringLength)");
    }
  }
}
