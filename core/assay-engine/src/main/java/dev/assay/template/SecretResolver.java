/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.SecretKeyRef;
import java.util.Map;

/**
 * Looks up the value of a secret argument ({@code valueFrom.secretKeyRef}). Argo reads Kubernetes secrets from the
 * run's namespace at every evaluation; a resolver does the same lookup from wherever the application keeps secrets.
 *
 * <p>Failures use Argo's messages: {@code secrets "<name>" not found} when the secret does not exist and
 * {@code key '<key>' does not exist in secret '<name>'} when it lacks the key. Implementations must be thread-safe
 * and must never put a secret value into a message, log line or {@code toString()}.
 */
@FunctionalInterface
public interface SecretResolver {
  /**
   * Returns the value of one key of a secret.
   *
   * @param namespace the run's namespace (empty outside a cluster); resolvers without namespaces ignore it
   * @param ref the secret and key
   * @return the value, never null
   * @throws ArgumentResolutionException with Argo's message when the secret or the key does not exist
   */
  String resolve(String namespace, SecretKeyRef ref);

  /**
   * A resolver backed by a map of secrets, the same in every namespace. The map is copied.
   *
   * @param secrets secret name to (key to value)
   * @return the resolver
   */
  static SecretResolver fromMap(Map<String, Map<String, String>> secrets) {
    return new MapSecretResolver(secrets);
  }

  /**
   * A resolver that reads process environment variables, the same in every namespace. The variable for key
   * {@code <key>} of secret {@code <name>} is {@code ASSAY_SECRET_<NAME>__<KEY>}: both parts upper-cased, every
   * character other than {@code A-Z} and {@code 0-9} replaced by {@code _}, joined by a double underscore. For
   * example key {@code api-key} of secret {@code datadog} is {@code ASSAY_SECRET_DATADOG__API_KEY}. A secret
   * "exists" when at least one variable starts with {@code ASSAY_SECRET_<NAME>__}.
   *
   * @return the resolver (it reads the environment at each lookup)
   */
  static SecretResolver fromEnvironment() {
    return new EnvironmentSecretResolver(System::getenv);
  }

  /**
   * A resolver over a given environment map, with the naming scheme of {@link #fromEnvironment()}. The map is
   * copied. Useful in tests and when variables come from somewhere other than the process environment.
   *
   * @param environment variable name to value
   * @return the resolver
   */
  static SecretResolver fromEnvironment(Map<String, String> environment) {
    Map<String, String> copy = Map.copyOf(environment);
    return new EnvironmentSecretResolver(() -> copy);
  }

  /**
   * The name of the environment variable {@link #fromEnvironment()} reads for a secret key.
   *
   * @param ref the secret and key
   * @return the variable name, for example {@code ASSAY_SECRET_DATADOG__API_KEY}
   */
  static String environmentVariable(SecretKeyRef ref) {
    return EnvironmentSecretResolver.prefix(ref.name()) + EnvironmentSecretResolver.normalise(ref.key());
  }

  /**
   * A resolver that knows no secrets: every lookup fails with {@code secrets "<name>" not found}.
   *
   * @return the resolver
   */
  static SecretResolver none() {
    return MapSecretResolver.EMPTY;
  }
}
