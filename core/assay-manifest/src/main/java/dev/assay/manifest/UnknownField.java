/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import java.util.Objects;

/**
 * A field of a manifest that the model does not know and that was therefore dropped when reading. Fields under
 * {@code metadata}, provider blocks of other types ({@code datadog}, {@code plugin}, ...) and everything inside a
 * {@code job} block are never reported: they are kept.
 *
 * @param path the field's path, for example {@code spec.metrics[0].intervall}
 * @param position where the field is in the source text
 */
public record UnknownField(String path, SourcePosition position) {
  /**
   * Validates the components.
   *
   * @param path the field's path, for example {@code spec.metrics[0].intervall}
   * @param position where the field is in the source text
   */
  public UnknownField {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(position, "position");
  }
}
