/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A reference to a field of the Rollout, such as {@code metadata.labels['env']}.
 *
 * @param fieldPath the field path
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FieldRef(String fieldPath) {
  /**
   * Validates the components.
   *
   * @param fieldPath the field path
   */
  public FieldRef {
    Objects.requireNonNull(fieldPath, "fieldPath");
  }
}
