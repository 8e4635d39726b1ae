/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

/**
 * A position in a YAML or JSON source text.
 *
 * @param line the line, counted from 1
 * @param column the column, counted from 1
 */
public record SourcePosition(int line, int column) {
  /**
   * Validates the components.
   *
   * @param line the line, counted from 1
   * @param column the column, counted from 1
   */
  public SourcePosition {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, but was " + line);
    }
    if (column < 1) {
      throw new IllegalArgumentException("column must be >= 1, but was " + column);
    }
  }

  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
