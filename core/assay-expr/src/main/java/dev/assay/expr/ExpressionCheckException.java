/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import java.util.List;

/**
 * The expression parsed but does not type-check against the names in scope and the type of {@code result}, for
 * example {@code unknown name a} or {@code cannot use []float64 as argument (type float64) to call isNaN}. All issues
 * are collected; the reason is the first one, as Argo reports it.
 */
public final class ExpressionCheckException extends ExpressionException {
  private static final long serialVersionUID = 1L;

  /** Every issue found, in source order. */
  private final List<ExpressionIssue> issues;

  /**
   * Creates the exception.
   *
   * @param issues every issue found, in source order; not empty
   * @param source the expression text
   */
  public ExpressionCheckException(List<ExpressionIssue> issues, String source) {
    super(issues.get(0).message(), issues.get(0), source);
    this.issues = List.copyOf(issues);
  }

  /**
   * Every issue the checker found, first one first.
   *
   * @return an immutable, non-empty list
   */
  public List<ExpressionIssue> issues() {
    return issues;
  }
}
