/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import java.util.Objects;

/**
 * One problem found in a manifest: a field the Argo schema does not define, a value of the wrong type, a duplicate
 * key, a limit exceeded. Immutable.
 *
 * @param path the field path, such as {@code spec.metrics[0].sucessCondition}; empty when the problem concerns the
 *     whole document or is a syntax error
 * @param position where in the source text; {@link SourcePosition#UNKNOWN} when not known
 * @param message what is wrong, such as {@code unknown field}
 * @param hint how to fix it, such as {@code did you mean 'successCondition'?}; empty when there is no hint
 */
public record ManifestProblem(String path, SourcePosition position, String message, String hint) {
  /**
   * Validates the components.
   *
   * @param path the field path; empty for the whole document
   * @param position where in the source text, or {@link SourcePosition#UNKNOWN}
   * @param message what is wrong
   * @param hint how to fix it; empty when there is no hint
   */
  public ManifestProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * The problem as one line: {@code path (line:col): message; hint}, leaving out the parts that are empty or
   * unknown.
   *
   * @return the line
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(path);
    if (position.isKnown()) {
      out.append(out.length() == 0 ? "" : " ").append('(').append(position.line()).append(':')
          .append(position.column()).append(')');
    }
    out.append(out.length() == 0 ? "" : ": ").append(message);
    if (!hint.isEmpty()) {
      out.append("; ").append(hint);
    }
    return out.toString();
  }
}
