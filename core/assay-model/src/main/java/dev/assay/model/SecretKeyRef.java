/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A reference to one key of a Kubernetes secret.
 *
 * @param name the secret name
 * @param key the key within the secret
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SecretKeyRef(String name, String key) {
  /**
   * Validates the components.
   *
   * @param name the secret name
   * @param key the key within the secret
   */
  public SecretKeyRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
  }
}
