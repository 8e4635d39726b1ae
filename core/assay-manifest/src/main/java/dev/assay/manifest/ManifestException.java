/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import dev.assay.AssayException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A manifest that cannot be read or written: a YAML or JSON syntax error, a value of the wrong type, a missing
 * required field, or an unsupported document. Names the document, the field path and, when known, the line and
 * column; the underlying parser exception is never exposed.
 */
public final class ManifestException extends AssayException {
  private static final long serialVersionUID = 1L;

  /** The problem without the field path. */
  private final String problem;
  /** The field path, e.g. {@code spec.metrics[0].interval}. */
  private final String fieldPath;
  /** Where in the source text, when known. */
  private final @Nullable SourcePosition position;
  /** Which document of a multi-document text (0-based). */
  private final int documentIndex;

  /**
   * Creates the exception.
   *
   * @param problem what is wrong, for example {@code expected a number}
   * @param fieldPath the path of the offending value, such as {@code spec.metrics[0].count}; empty for the whole
   *     document or a syntax error
   * @param position where in the source text, or null when unknown
   * @param documentIndex the document's index in the source, from 0 (-1 when not about one document)
   */
  public ManifestException(
      String problem, String fieldPath, @Nullable SourcePosition position, int documentIndex) {
    super(format(problem, fieldPath, position, documentIndex));
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath");
    this.position = position;
    this.documentIndex = documentIndex;
  }

  private static String format(String problem, String fieldPath, @Nullable SourcePosition position, int doc) {
    StringBuilder where = new StringBuilder();
    if (doc >= 0) {
      where.append("document ").append(doc + 1);
    }
    if (position != null) {
      where.append(where.length() > 0 ? ", " : "").append(position);
    }
    String path = fieldPath.isEmpty() ? "" : fieldPath + ": ";
    return path + problem + (where.length() > 0 ? " (" + where + ")" : "");
  }

  /**
   * What is wrong, without the location.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }

  /**
   * The path of the offending value, for example {@code spec.metrics[0].count}.
   *
   * @return the path; empty when the problem concerns the whole document or is a syntax error
   */
  public String fieldPath() {
    return fieldPath;
  }

  /**
   * Where the problem is in the source text.
   *
   * @return the position, or empty when unknown
   */
  public Optional<SourcePosition> position() {
    return Optional.ofNullable(position);
  }

  /**
   * The index of the document with the problem, from 0.
   *
   * @return the index, or -1 when the problem is not about one document
   */
  public int documentIndex() {
    return documentIndex;
  }
}
