/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import java.util.Objects;

/**
 * A field that the Argo schema does not define and that was therefore ignored when reading: any such field when
 * reading leniently ({@link ManifestReader#strict(boolean)}), and, also when reading strictly, fields inside an
 * {@code AnalysisRun}'s {@code status} (written by a controller, possibly a newer Argo version, not by the user).
 *
 * @param path the field's path, for example {@code spec.metrics[1].intervall}
 * @param position where the field is in the source text
 * @param hint the nearest known field ({@code did you mean 'interval'?}) or the known fields; may be empty
 */
public record UnknownField(String path, SourcePosition position, String hint) {
  /**
   * Validates the components.
   *
   * @param path the field's path, for example {@code spec.metrics[1].intervall}
   * @param position where the field is in the source text
   * @param hint the nearest known field or the known fields; may be empty
   */
  public UnknownField {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * An unknown field without a hint.
   *
   * @param path the field's path
   * @param position where the field is in the source text
   */
  public UnknownField(String path, SourcePosition position) {
    this(path, position, "");
  }

  @Override
  public String toString() {
    return new ManifestProblem(path, position, "ignored unknown field", hint).toString();
  }
}
