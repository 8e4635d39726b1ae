/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

/** The text is not a well-formed expression (lexer or parser error, or a size or nesting limit). */
public final class ExpressionSyntaxException extends ExpressionException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param issue the problem and its position
   * @param source the expression text
   */
  public ExpressionSyntaxException(ExpressionIssue issue, String source) {
    super(issue.message(), issue, source);
  }
}
