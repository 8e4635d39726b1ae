/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import java.util.Objects;

/**
 * One problem found while parsing or checking an expression.
 *
 * @param message Argo's text for the problem, without location
 * @param offset zero-based character offset into the source
 * @param line one-based line
 * @param column one-based column
 */
public record ExpressionIssue(String message, int offset, int line, int column) {
  /**
   * Validates the fields.
   *
   * @param message Argo's text for the problem, without location
   * @param offset zero-based character offset into the source
   * @param line one-based line
   * @param column one-based column
   */
  public ExpressionIssue {
    Objects.requireNonNull(message, "message");
    if (offset < 0 || line < 1 || column < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and line, column >= 1, but was " + offset + ", "
          + line + ", " + column);
    }
  }

  /**
   * Creates an issue at a character offset, computing line and column.
   *
   * @param message the problem
   * @param source the expression text
   * @param offset zero-based offset, clamped to the source length
   * @return the issue
   */
  public static ExpressionIssue at(String message, String source, int offset) {
    int off = Math.max(0, Math.min(offset, source.length()));
    int line = 1;
    int col = 1;
    for (int i = 0; i < off; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new ExpressionIssue(message, off, line, col);
  }

  /**
   * The source line of this issue with a caret under its column, each line prefixed with {@code " | "}.
   *
   * @param source the expression text the issue refers to
   * @return a two-line snippet
   */
  public String snippet(String source) {
    String[] lines = source.split("\n", -1);
    String text = line <= lines.length ? lines[line - 1] : "";
    return " | " + text + "\n | " + " ".repeat(Math.max(0, column - 1)) + "^";
  }
}
