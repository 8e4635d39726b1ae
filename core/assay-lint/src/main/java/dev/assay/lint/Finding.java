/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

import java.util.Objects;

/**
 * One problem the linter found. Immutable.
 *
 * @param ruleId the rule's stable id, such as {@code condition-type} (listed in {@code docs/lint-rules.md})
 * @param severity how bad it is
 * @param source where the text came from: a file path or the name given to {@link TemplateLinter#lint(String, String)}
 * @param path the field path, such as {@code spec.metrics[0].successCondition}; empty when about the whole text
 * @param line the line, from 1; 0 when unknown
 * @param column the column, from 1; 0 when unknown
 * @param message what is wrong
 * @param hint how to fix it; empty when there is nothing to add to the message
 */
public record Finding(String ruleId, Severity severity, String source, String path, int line, int column,
    String message, String hint) {
  /**
   * Validates the components.
   *
   * @param ruleId the rule's stable id, such as {@code condition-type} (listed in {@code docs/lint-rules.md})
   * @param severity how bad it is
   * @param source where the text came from: a file path or the name given to {@link TemplateLinter#lint(String, String)}
   * @param path the field path, such as {@code spec.metrics[0].successCondition}; empty when about the whole text
   * @param line the line, from 1; 0 when unknown
   * @param column the column, from 1; 0 when unknown
   * @param message what is wrong
   * @param hint how to fix it; empty when there is nothing to add to the message
   */
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0, but were " + line + ", " + column);
    }
  }

  /**
   * The finding as one line: {@code source:line:col: severity rule: message (hint)}.
   *
   * @return the line
   */
  public String toText() {
    return source + ":" + line + ":" + column + ": " + severity.label() + " " + ruleId + ": " + message
        + (hint.isEmpty() ? "" : " (" + hint + ")");
  }
}
