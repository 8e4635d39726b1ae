/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import dev.assay.AssayException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A manifest that cannot be read or written: a YAML or JSON syntax error, a field the Argo schema does not define, a
 * value of the wrong type, a duplicate key, a missing required field, a size limit exceeded, or an unsupported
 * document. Carries every problem found in the document ({@link #problems()}), each with its field path, line and
 * column; the message lists them one per line as {@code path (line:col): message; hint}. The underlying parser
 * exception is never exposed.
 */
public final class ManifestException extends AssayException {
  private static final long serialVersionUID = 1L;

  /** Serializable copy of the problems (records of final fields). */
  private final List<ManifestProblem> problems;
  /** Which document of a multi-document text (0-based), or -1. */
  private final int documentIndex;

  /**
   * Creates the exception for one problem.
   *
   * @param problem what is wrong, for example {@code expected a number}
   * @param fieldPath the path of the offending value, such as {@code spec.metrics[0].count}; empty for the whole
   *     document or a syntax error
   * @param position where in the source text, or null when unknown
   * @param documentIndex the document's index in the source, from 0 (-1 when not about one document)
   */
  public ManifestException(
      String problem, String fieldPath, @Nullable SourcePosition position, int documentIndex) {
    this(List.of(new ManifestProblem(fieldPath, position == null ? SourcePosition.UNKNOWN : position, problem, "")),
        documentIndex);
  }

  /**
   * Creates the exception for several problems of one document.
   *
   * @param problems the problems, in source order; at least one
   * @param documentIndex the document's index in the source, from 0 (-1 when not about one document)
   */
  public ManifestException(List<ManifestProblem> problems, int documentIndex) {
    super(format(problems));
    this.problems = List.copyOf(problems);
    this.documentIndex = documentIndex;
  }

  private static String format(List<ManifestProblem> problems) {
    if (Objects.requireNonNull(problems, "problems").isEmpty()) {
      throw new IllegalArgumentException("a ManifestException needs at least one problem");
    }
    return problems.stream().map(ManifestProblem::toString).collect(Collectors.joining("\n"));
  }

  /**
   * Every problem found, in source order (at least one).
   *
   * @return the problems
   */
  public List<ManifestProblem> problems() {
    return problems;
  }

  /**
   * What is wrong, without the location, for the first problem.
   *
   * @return the problem
   */
  public String problem() {
    return problems.get(0).message();
  }

  /**
   * The path of the first offending value, for example {@code spec.metrics[0].count}.
   *
   * @return the path; empty when the problem concerns the whole document or is a syntax error
   */
  public String fieldPath() {
    return problems.get(0).path();
  }

  /**
   * Where the first problem is in the source text.
   *
   * @return the position, or empty when unknown
   */
  public Optional<SourcePosition> position() {
    SourcePosition p = problems.get(0).position();
    return p.isKnown() ? Optional.of(p) : Optional.empty();
  }

  /**
   * The index of the document with the problems, from 0.
   *
   * @return the index, or -1 when the problems are not about one document
   */
  public int documentIndex() {
    return documentIndex;
  }
}
