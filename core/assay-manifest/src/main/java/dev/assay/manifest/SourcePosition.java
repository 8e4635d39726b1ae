/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

/**
 * A position in a YAML or JSON source text. {@link #UNKNOWN} (line and column 0) stands for "not known", so that
 * problems always carry a position and never a null.
 *
 * @param line the line, counted from 1 (0 only in {@link #UNKNOWN})
 * @param column the column, counted from 1 (0 only in {@link #UNKNOWN})
 */
public record SourcePosition(int line, int column) {
  /** The position of a problem whose place in the source is not known. */
  public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

  /**
   * Validates the components.
   *
   * @param line the line, counted from 1 (0 only in {@link #UNKNOWN})
   * @param column the column, counted from 1 (0 only in {@link #UNKNOWN})
   */
  public SourcePosition {
    boolean unknown = line == 0 && column == 0;
    if (line < 1 && !unknown) {
      throw new IllegalArgumentException("line must be >= 1, but was " + line);
    }
    if (column < 1 && !unknown) {
      throw new IllegalArgumentException("column must be >= 1, but was " + column);
    }
  }

  /**
   * Whether this is a real position.
   *
   * @return false only for {@link #UNKNOWN}
   */
  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    return isKnown() ? "line " + line + ", column " + column : "unknown position";
  }
}
