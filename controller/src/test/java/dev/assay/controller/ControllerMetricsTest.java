/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static dev.assay.controller.MockCluster.NS;
import static dev.assay.controller.MockCluster.create;
import static dev.assay.controller.MockCluster.runYaml;
import static dev.assay.controller.MockCluster.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.controller.internal.ControllerMetrics;
import dev.assay.controller.internal.HealthServer;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisPhase;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runnable controller's {@code /metrics}: Argo's analysis metrics for the runs it reconciles. */
@EnableKubernetesMockClient(crud = true, https = false)
class ControllerMetricsTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ManualClock clock = ManualClock.atEpochOf2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private AnalysisRunController controller;
  private HealthServer health;

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.close();
    }
    if (health != null) {
      health.close();
    }
    client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NS).delete();
    client.v1().events().inNamespace(NS).delete();
  }

  private void await(String what, java.util.function.BooleanSupplier condition) {
    MockCluster.await(what, WAIT, () -> {
      scheduler.runDueTasks();
      return condition.getAsBoolean();
    });
  }

  private String scrape() {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + health.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The status is written before the listener hears of the step, so the scrape may lag the API by a moment. */
  private String scrapeOnce(String seen) {
    await("/metrics shows " + seen, () -> scrape().contains(seen));
    return scrape();
  }

  @Test
  void argoAnalysisMetricsFollowTheRunsTheControllerReconciles() throws Exception {
    ControllerMetrics metrics = new ControllerMetrics("argo_rollouts_");
    Reconciler reconciler = Reconciler.builder().provider(CountingProvider.constant(0.9)).build();
    controller = AnalysisRunController.builder().client(client).reconciler(reconciler).clock(clock)
        .scheduler(scheduler).analysisListener(metrics.analysisListener())
        .settings(ControllerSettings.builder().identity("solo").namespace(NS)
            .leaseTiming(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200)).build())
        .build();
    health = new HealthServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), controller::isLive,
        controller::isReady, metrics.endpoints());
    controller.start();
    await("the controller is ready and leads", () -> controller.isReady() && controller.ownedShards().equals(Set.of(0)));

    create(client, runYaml("checkout", 2, "rate"));
    await("the first measurement is stored", () -> stored(client, "checkout").status().phase()
        == AnalysisPhase.RUNNING);
    String running = scrapeOnce("argo_rollouts_analysis_measurements_total{metric=\"rate\",phase=\"Successful\","
        + "provider=\"prometheus\"} 1");
    assertThat(running)
        .contains("argo_rollouts_analysis_run_phase{name=\"checkout\",namespace=\"shop\",phase=\"Running\"} 1")
        .contains("argo_rollouts_analysis_run_phase{name=\"checkout\",namespace=\"shop\",phase=\"Successful\"} 0")
        .contains("argo_rollouts_analysis_run_metric_type{metric=\"rate\",name=\"checkout\",namespace=\"shop\","
            + "type=\"Prometheus\"} 1");

    scheduler.advanceBy(Duration.ofSeconds(61));
    await("the run is Successful", () -> stored(client, "checkout").status().phase() == AnalysisPhase.SUCCESSFUL);
    String done = scrapeOnce("argo_rollouts_analysis_measurements_total{metric=\"rate\",phase=\"Successful\","
        + "provider=\"prometheus\"} 2");
    assertThat(done)
        .contains("argo_rollouts_analysis_run_phase{name=\"checkout\",namespace=\"shop\",phase=\"Successful\"} 1")
        .contains("argo_rollouts_analysis_run_phase{name=\"checkout\",namespace=\"shop\",phase=\"Running\"} 0")
        .contains("argo_rollouts_analysis_run_metric_phase{dry_run=\"false\",metric=\"rate\",name=\"checkout\","
            + "namespace=\"shop\",phase=\"Successful\",type=\"Prometheus\"} 1")
        .contains("argo_rollouts_analysis_measurements_total{metric=\"rate\",phase=\"Successful\","
            + "provider=\"prometheus\"} 2")
        .contains("argo_rollouts_analysis_run_reconcile_count{name=\"checkout\",namespace=\"shop\"}");
    assertThat(done).doesNotContain("argo_rollouts_analysis_run_reconcile_error_total{name=\"checkout\","
        + "namespace=\"shop\"} 1");
  }
}
