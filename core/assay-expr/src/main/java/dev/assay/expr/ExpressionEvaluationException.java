/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

/**
 * Evaluation failed at run time: an index out of range, a failed conversion ({@code asInt}), a value of the wrong
 * type behind an untyped name, a non-bool condition result, or an evaluation limit. The message is Argo's text.
 */
public final class ExpressionEvaluationException extends ExpressionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason Argo's text for the problem
   */
  public ExpressionEvaluationException(String reason) {
    super(reason, null, "");
  }
}
