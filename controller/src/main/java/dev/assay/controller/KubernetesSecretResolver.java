/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.model.SecretKeyRef;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.SecretResolver;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Reads secret arguments ({@code valueFrom.secretKeyRef}) from Kubernetes Secrets in the run's namespace through the
 * API server, as Argo does, at every evaluation that measures (no cache: a rotated secret is used at the next
 * measurement). Needs {@code get} on {@code secrets} in the runs' namespaces.
 *
 * <p>Errors are Argo's: {@code secrets "<name>" not found} and {@code key '<key>' does not exist in secret
 * '<name>'}. Values never appear in messages or {@link #toString()}. Thread-safe.
 */
public final class KubernetesSecretResolver implements SecretResolver {
  private final KubernetesClient client;

  /**
   * A resolver reading through a client.
   *
   * @param client the client; not closed by the resolver
   */
  public KubernetesSecretResolver(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public String resolve(String namespace, SecretKeyRef ref) {
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.name()).get();
    if (secret == null) {
      throw ArgumentResolutionException.secretNotFound(ref);
    }
    Map<String, String> data = secret.getData();
    if (data != null && data.containsKey(ref.key())) {
      return new String(Base64.getDecoder().decode(data.get(ref.key())), StandardCharsets.UTF_8);
    }
    // stringData is write-only on a real API server; the mock server and some fakes keep it, so read it as well.
    Map<String, String> stringData = secret.getStringData();
    if (stringData != null && stringData.containsKey(ref.key())) {
      return stringData.get(ref.key());
    }
    throw ArgumentResolutionException.secretKeyNotFound(ref);
  }

  @Override
  public String toString() {
    return "KubernetesSecretResolver";
  }
}
