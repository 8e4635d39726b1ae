/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.SecretKeyRef;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** A {@link SecretResolver} over environment variables; see {@link SecretResolver#fromEnvironment()}. */
final class EnvironmentSecretResolver implements SecretResolver {
  private static final String PREFIX = "ASSAY_SECRET_";

  private final Supplier<Map<String, String>> environment;

  EnvironmentSecretResolver(Supplier<Map<String, String>> environment) {
    this.environment = environment;
  }

  @Override
  public String resolve(String namespace, SecretKeyRef ref) {
    Map<String, String> env = environment.get();
    String value = env.get(SecretResolver.environmentVariable(ref));
    if (value != null) {
      return value;
    }
    String secretPrefix = prefix(ref.name());
    for (String variable : env.keySet()) {
      if (variable.startsWith(secretPrefix)) {
        throw ArgumentResolutionException.secretKeyNotFound(ref);
      }
    }
    throw ArgumentResolutionException.secretNotFound(ref);
  }

  static String prefix(String secretName) {
    return PREFIX + normalise(secretName) + "__";
  }

  static String normalise(String part) {
    return part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Override
  public String toString() {
    return "SecretResolver.fromEnvironment()";
  }
}
