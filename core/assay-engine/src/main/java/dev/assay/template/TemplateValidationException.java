/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.AssayException;
import dev.assay.manifest.SourcePosition;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A template, run spec or metric that Argo Rollouts would reject. {@link #getMessage()} is Argo's text, word for word
 * (for example {@code metrics[0]: invalid interval string: time: unknown unit "s-typo" in duration "60s-typo"}),
 * so it can be shown where Argo shows it ({@code Analysis spec invalid: <message>}). {@link #fieldPath()} names the
 * offending value ({@code metrics[0].interval}) and {@link #position()} gives its line and column when the input
 * came from a manifest read by {@code Manifests}.
 */
public final class TemplateValidationException extends AssayException {
  private static final long serialVersionUID = 1L;

  /** The field path, e.g. {@code spec.metrics[0].interval}. */
  private final String fieldPath;
  /** Where in the source text, when known. */
  private final @Nullable SourcePosition position;

  /**
   * Creates the exception without a source position.
   *
   * @param message Argo's message
   * @param fieldPath the path of the offending value, such as {@code metrics[2].interval}; empty when the problem
   *     concerns the whole input
   */
  public TemplateValidationException(String message, String fieldPath) {
    this(message, fieldPath, null);
  }

  /**
   * Creates the exception.
   *
   * @param message Argo's message
   * @param fieldPath the path of the offending value; empty when the problem concerns the whole input
   * @param position where the value is in the source text, or null when unknown
   */
  public TemplateValidationException(String message, String fieldPath, @Nullable SourcePosition position) {
    super(Objects.requireNonNull(message, "message"));
    this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath");
    this.position = position;
  }

  /**
   * The path of the offending value, for example {@code metrics[2].interval} or {@code dryRun[0].metricName}.
   *
   * @return the path; empty when the problem concerns the whole input (for example {@code no metrics specified})
   */
  public String fieldPath() {
    return fieldPath;
  }

  /**
   * Where the offending value is in the source text.
   *
   * @return the position, or empty when the input did not come from a manifest or the value has no position
   */
  public Optional<SourcePosition> position() {
    return Optional.ofNullable(position);
  }

  /**
   * A copy of this exception with a source position (the stack trace is kept).
   *
   * @param newPosition the position
   * @return the copy
   */
  public TemplateValidationException at(SourcePosition newPosition) {
    TemplateValidationException copy = new TemplateValidationException(getMessage(), fieldPath, newPosition);
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * The message with the field path and position, for people: {@code metrics[0]: ... (at metrics[0].interval,
   * line 12, column 17)}.
   *
   * @return the description
   */
  public String describe() {
    if (fieldPath.isEmpty() && position == null) {
      return getMessage();
    }
    StringBuilder out = new StringBuilder(getMessage()).append(" (at ");
    out.append(fieldPath.isEmpty() ? "document" : fieldPath);
    if (position != null) {
      out.append(", ").append(position);
    }
    return out.append(')').toString();
  }
}
