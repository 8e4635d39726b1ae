/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static org.assertj.core.api.Assertions.fail;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.controller.internal.RunCodec;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Helpers for tests on fabric8's mock API server (CRUD mode). */
final class MockCluster {
  static final String NS = "shop";
  static final String INSTANCE = "assay";

  private MockCluster() {}

  /** A run with one metric per name: interval 1m, the given count, success when the value exceeds 0.5. */
  static String runYaml(String name, int count, String... metrics) {
    StringBuilder sb = new StringBuilder();
    sb.append("apiVersion: argoproj.io/v1alpha1\nkind: AnalysisRun\nmetadata:\n  name: ").append(name)
        .append("\n  namespace: ").append(NS).append("\n  labels:\n    ")
        .append("argo-rollouts.argoproj.io/controller-instance-id: ").append(INSTANCE).append("\nspec:\n  metrics:\n");
    for (String m : metrics) {
      sb.append("  - name: ").append(m).append("\n    interval: 1m\n    count: ").append(count)
          .append("\n    successCondition: result > 0.5\n    failureLimit: 0\n    provider:\n      prometheus:\n")
          .append("        address: http://prometheus.invalid:9090\n        query: up{job=\"").append(m)
          .append("\"}\n");
    }
    return sb.toString();
  }

  static GenericKubernetesResource create(KubernetesClient client, String yaml) {
    GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    if (r.getKind().equals("ClusterAnalysisTemplate")) {
      return client.genericKubernetesResources(ArgoResources.CLUSTER_ANALYSIS_TEMPLATES).resource(r).create();
    }
    var ctx = r.getKind().equals("AnalysisRun") ? ArgoResources.ANALYSIS_RUNS : ArgoResources.ANALYSIS_TEMPLATES;
    return client.genericKubernetesResources(ctx).inNamespace(r.getMetadata().getNamespace()).resource(r).create();
  }

  static GenericKubernetesResource raw(KubernetesClient client, String name) {
    return client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NS).withName(name).get();
  }

  /** The run as stored by the API server. */
  static AnalysisRun stored(KubernetesClient client, String name) {
    return new RunCodec(client.getKubernetesSerialization()).toModel(raw(client, name), AnalysisRun.class);
  }

  /** Finished measurements of a metric in the stored status. */
  static List<Measurement> measurements(KubernetesClient client, String run, String metric) {
    return stored(client, run).status().metricResult(metric).map(MetricResult::measurements).orElse(List.of());
  }

  static int count(KubernetesClient client, String run, String metric) {
    return stored(client, run).status().metricResult(metric).map(MetricResult::count).orElse(0);
  }

  static List<Event> events(KubernetesClient client, String run) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> run.equals(e.getInvolvedObject().getName())).toList();
  }

  /**
   * Waits (real time, polling) until a condition holds; fails with the description when the deadline passes. The
   * wait is not an assertion about timing: the deadline only bounds a hung test.
   */
  static void await(String what, Duration deadline, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("timed out after " + deadline + " waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting until " + what);
      }
    }
  }
}
