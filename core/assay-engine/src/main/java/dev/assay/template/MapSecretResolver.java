/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.SecretKeyRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A {@link SecretResolver} over a fixed map; immutable. */
final class MapSecretResolver implements SecretResolver {
  static final MapSecretResolver EMPTY = new MapSecretResolver(Map.of());

  private final Map<String, Map<String, String>> secrets;

  MapSecretResolver(Map<String, Map<String, String>> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    Map<String, Map<String, String>> copy = new HashMap<>();
    secrets.forEach((name, keys) -> copy.put(Objects.requireNonNull(name, "secret name"), Map.copyOf(keys)));
    this.secrets = Map.copyOf(copy);
  }

  @Override
  public String resolve(String namespace, SecretKeyRef ref) {
    Map<String, String> keys = secrets.get(ref.name());
    if (keys == null) {
      throw ArgumentResolutionException.secretNotFound(ref);
    }
    String value = keys.get(ref.key());
    if (value == null) {
      throw ArgumentResolutionException.secretKeyNotFound(ref);
    }
    return value;
  }

  @Override
  public String toString() {
    return "SecretResolver.fromMap(" + secrets.size() + " secrets)";
  }
}
