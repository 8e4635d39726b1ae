/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static dev.assay.job.JobTestSupport.T0;
import static dev.assay.job.JobTestSupport.busyboxSpec;
import static dev.assay.job.JobTestSupport.context;
import static dev.assay.job.JobTestSupport.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Metric;
import dev.assay.spi.PreflightResult;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes runner without a usable cluster fails at once with the cause (not fabric8's bare
 * {@code An error has occurred.}), and its pre-flight check says so before the first measurement.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterFailureTest {
  static KubernetesClient client;

  @TempDir
  Path home;

  private final RunRef run = new RunRef("run-a", "ns-a", "uid-a");
  private final Metric metric = metric("smoke", Map.of(), busyboxSpec());

  @Test
  void noClusterConfigured_runAndPreflightFailNamingWhatIsMissingAndTheLocalRunner() {
    Map<String, String> env = Map.of("HOME", home.toString());
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(env::get).build()) {
      ProviderResult result = provider.run(context(run, metric, T0));
      PreflightResult preflight = provider.preflight(context(run, metric, T0));

      assertThat(result).isInstanceOfSatisfying(ProviderResult.Errored.class, e -> assertThat(e.message())
          .startsWith("no Kubernetes cluster is configured")
          .contains(home.resolve(".kube").resolve("config").toString())
          .contains("defaultRunner=local"));
      assertThat(preflight.isFailed()).isTrue();
      assertThat(preflight.detail()).startsWith("no Kubernetes cluster is configured");
    }
  }

  @Test
  void unreachableCluster_failsWithTheUnderlyingCause() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path kubeconfig = home.resolve("kubeconfig");
    Files.writeString(kubeconfig, String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: c",
        "  cluster: {server: \"http://127.0.0.1:" + closedPort + "\"}",
        "contexts:",
        "- name: c",
        "  context: {cluster: c, user: u, namespace: ns-a}",
        "current-context: c",
        "users:",
        "- name: u",
        "  user: {token: t}", ""), StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put(JobMetricProvider.KUBECONFIG_ENV, kubeconfig.toString());
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(env::get).build()) {
      ProviderResult result = provider.run(context(run, metric, T0));
      PreflightResult preflight = provider.preflight(context(run, metric, T0));

      assertThat(result).isInstanceOfSatisfying(ProviderResult.Errored.class, e -> assertThat(e.message())
          .isNotEqualTo("An error has occurred.")
          .contains("127.0.0.1:" + closedPort)
          .contains("ConnectException"));
      assertThat(preflight.isFailed()).isTrue();
      assertThat(preflight.detail()).startsWith("the Kubernetes API does not answer: ")
          .contains("ConnectException");
    }
  }

  @Test
  void reachableCluster_preflightPasses() {
    try (JobMetricProvider provider = JobMetricProvider.builder().kubernetesClient(client)
        .environment(k -> null).build()) {
      PreflightResult preflight = provider.preflight(context(run, metric, T0));

      assertThat(preflight.outcome()).isEqualTo(PreflightResult.Outcome.PASSED);
      assertThat(client.batch().v1().jobs().inNamespace("ns-a").list().getItems()).as("nothing created").isEmpty();
    }
  }

  @Test
  void localRunner_preflightPassesWithoutACluster() {
    Map<String, String> env = Map.of("HOME", home.toString());
    try (JobMetricProvider provider = JobMetricProvider.builder().defaultRunner(JobRunner.LOCAL)
        .environment(env::get).build()) {
      PreflightResult preflight = provider.preflight(context(run, metric, T0));

      assertThat(preflight.outcome()).isEqualTo(PreflightResult.Outcome.PASSED);
      assertThat(preflight.detail()).isEqualTo("local runner chosen");
    }
  }
}
