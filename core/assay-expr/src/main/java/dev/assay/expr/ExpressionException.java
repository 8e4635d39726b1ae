/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.AssayException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A condition or time expression was rejected. {@link #reason()} is the text Argo Rollouts shows for the same
 * problem, without location (use it in measurement messages); {@link #getMessage()} adds the position and a caret
 * snippet when the problem has a position.
 */
public class ExpressionException extends AssayException {
  private static final long serialVersionUID = 1L;

  /** The reason without position, as Go would word it. */
  private final String reason;
  /** The issue with its position, when there is one. */
  private final @Nullable ExpressionIssue issue;

  /**
   * Creates an exception.
   *
   * @param reason Argo's text for the problem, without location
   * @param issue the first issue with its position, or {@code null} when the problem has no position
   * @param source the expression text, used for the caret snippet
   */
  protected ExpressionException(String reason, @Nullable ExpressionIssue issue, String source) {
    super(issue == null ? reason : reason + " at " + issue.line() + ":" + issue.column() + "\n"
        + issue.snippet(source));
    this.reason = reason;
    this.issue = issue;
  }

  /**
   * Argo's message for this problem, with location and snippet stripped.
   *
   * @return the reason, never empty
   */
  public String reason() {
    return reason;
  }

  /**
   * The issue that carries the position of the (first) problem.
   *
   * @return the issue, or empty for evaluation errors without a position
   */
  public Optional<ExpressionIssue> issue() {
    return Optional.ofNullable(issue);
  }
}
