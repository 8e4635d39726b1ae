/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

/** Small text helpers for columns of terminal output. */
final class Text {
  private Text() {}

  /**
   * Cuts text to a width, marking the cut with {@code ...} (ASCII, for any terminal).
   *
   * @param text the text (one line)
   * @param width the largest length, at least 3
   * @return the text, at most {@code width} characters
   */
  static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, Math.max(0, width - 3)) + "...";
  }

  /**
   * Left-aligns text in a column: cut to the width, then padded with spaces.
   *
   * @param text the text
   * @param width the column width
   * @return exactly {@code width} characters
   */
  static String column(String text, int width) {
    String c = cut(text, width);
    return c + " ".repeat(width - c.length());
  }
}
