/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How the job provider reaches a cluster when nobody gave it a client: whether one is configured at all, a client
 * configuration that fails fast, and messages that keep fabric8's underlying cause (fabric8 alone says only
 * {@code An error has occurred.}). Stateless.
 */
public final class ClusterAccess {
  /** fabric8's retries of a failed request: none, the engine retries measurements itself (Argo's error retry). */
  static final int REQUEST_RETRIES = 0;
  /** How long connecting to the API server may take, in milliseconds. */
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private ClusterAccess() {}

  /**
   * Why no cluster is configured, as fabric8 would look for one: no {@code KUBECONFIG}, no {@code ~/.kube/config},
   * not inside a cluster ({@code KUBERNETES_SERVICE_HOST}) and no {@code KUBERNETES_MASTER}.
   *
   * @param environment the process environment
   * @return the explanation, or empty when a cluster may be configured
   */
  public static Optional<String> missingCluster(Function<String, @Nullable String> environment) {
    for (String variable : new String[] {"KUBECONFIG", "KUBERNETES_SERVICE_HOST", "KUBERNETES_MASTER"}) {
      String value = environment.apply(variable);
      if (value != null && !value.isEmpty()) {
        return Optional.empty();
      }
    }
    if (System.getProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY) != null) {
      return Optional.empty();
    }
    String home = environment.apply("HOME");
    Path kubeconfig = Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".kube",
        "config");
    if (Files.isRegularFile(kubeconfig)) {
      return Optional.empty();
    }
    return Optional.of("no Kubernetes cluster is configured (KUBECONFIG is unset, there is no " + kubeconfig
        + ", and this is not a pod in a cluster): configure one, or run job metrics as local processes (provider "
        + "setting defaultRunner=local, or the annotation assay.dev/runner: local)");
  }

  /**
   * fabric8's automatic configuration, made to fail fast: no client-side request retries and a 5 s connect timeout.
   *
   * @param config the configuration to adjust (as found by fabric8)
   * @return the same configuration
   */
  public static Config failFast(Config config) {
    config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
    config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
    return config;
  }

  /**
   * A fabric8 exception as a message that keeps its cause: the API server's status message when there is one,
   * otherwise where the request went, the exception's message and each cause ({@code Kubernetes API
   * http://127.0.0.1:6443/: An error has occurred.: IOException: ConnectException (Connection refused)}).
   *
   * @param e the exception
   * @param apiServer the API server's URL
   * @return the message
   */
  public static String describe(KubernetesClientException e, String apiServer) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isEmpty()) {
      return e.getStatus().getMessage();
    }
    Set<String> parts = new LinkedHashSet<>();
    parts.add("Kubernetes API " + apiServer);
    parts.add(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause() && parts.size() < 5; c = c.getCause()) {
      String m = c.getMessage();
      parts.add(c.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : " (" + m + ")"));
    }
    return String.join(": ", parts);
  }
}
