/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static dev.assay.controller.MockCluster.NS;
import static dev.assay.controller.MockCluster.create;
import static dev.assay.controller.MockCluster.measurements;
import static dev.assay.controller.MockCluster.runYaml;
import static dev.assay.controller.MockCluster.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class AnalysisRunControllerTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ManualClock clock = ManualClock.atEpochOf2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private AnalysisRunController controller;

  private AnalysisRunController start(CountingProvider provider, ControllerListener listener) {
    return start(provider, listener, false);
  }

  private AnalysisRunController start(CountingProvider provider, ControllerListener listener, boolean subresource) {
    Reconciler reconciler = Reconciler.builder().provider(provider)
        .secretResolver(new KubernetesSecretResolver(client)).build();
    controller = AnalysisRunController.builder().client(client).reconciler(reconciler).clock(clock)
        .scheduler(scheduler).listener(listener)
        .settings(ControllerSettings.builder().identity("solo").namespace(NS)
            .leaseTiming(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200))
            .statusSubresource(subresource).build())
        .build();
    controller.start();
    await("the controller is ready and leads", WAIT, () -> controller.isReady() && controller.ownedShards().equals(
        java.util.Set.of(0)));
    return controller;
  }

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.close();
    }
    client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NS).delete();
    client.v1().events().inNamespace(NS).delete();
  }

  /** Waits for a condition while running the timers that fall due (a worker may set one after the test moved time). */
  private void await(String what, Duration deadline, java.util.function.BooleanSupplier condition) {
    MockCluster.await(what, deadline, () -> {
      scheduler.runDueTasks();
      return condition.getAsBoolean();
    });
  }

  /** Moves virtual time one minute and lets the timers that fall due queue their runs. */
  private void minute() {
    scheduler.advanceBy(Duration.ofSeconds(61));
  }

  private static AnalysisPhase phase(String run) {
    return stored(client, run).status().phase();
  }

  @Test
  void runCreatedThroughTheApiIsMeasuredOncePerIntervalUntilSuccessful() {
    CountingProvider provider = CountingProvider.constant(0.9);
    List<java.util.Set<Integer>> shards = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger measured = new AtomicInteger();
    AtomicInteger writes = new AtomicInteger();
    start(provider, new ControllerListener() {
      @Override
      public void statusWritten(AnalysisRun run, int measurementsTaken) {
        writes.incrementAndGet();
        measured.addAndGet(measurementsTaken);
      }

      @Override
      public void shardsChanged(java.util.Set<Integer> owned) {
        shards.add(owned);
      }
    });
    create(client, runYaml("ok", 3, "rate", "latency"));

    await("the first measurements are stored", WAIT, () -> measurements(client, "ok", "rate").size() == 1
        && measurements(client, "ok", "latency").size() == 1);
    assertThat(phase("ok")).isEqualTo(AnalysisPhase.RUNNING);
    for (int i = 2; i <= 3; i++) {
      int expected = i;
      minute();
      await(expected + " measurements are stored", WAIT,
          () -> measurements(client, "ok", "rate").size() == expected);
    }
    await("the run is Successful", WAIT, () -> phase("ok") == AnalysisPhase.SUCCESSFUL);
    await("the listener heard of every write", WAIT, () -> measured.get() == 6);

    AnalysisRun run = stored(client, "ok");
    assertThat(run.status().metricResult("rate").orElseThrow().count()).isEqualTo(3);
    assertThat(run.status().metricResult("latency").orElseThrow().successful()).isEqualTo(3);
    assertThat(provider.calls("ok", "rate")).isEqualTo(3);
    assertThat(measured.get()).isEqualTo(6);
    assertThat(writes.get()).as("one write per evaluation that measured, for both metrics").isEqualTo(3);
    assertThat(shards).containsExactly(java.util.Set.of(0));
    assertThat(run.status().completedAt()).isAfter(run.status().startedAt());
    await("Argo's events are written", WAIT, () -> MockCluster.events(client, "ok").size() == 3);
    assertThat(MockCluster.events(client, "ok")).extracting(Event::getReason)
        .containsExactlyInAnyOrder("MetricSuccessful", "MetricSuccessful", "AnalysisRunSuccessful");
    assertThat(MockCluster.events(client, "ok")).extracting(Event::getType).containsOnly("Normal");
    assertThat(MockCluster.events(client, "ok")).extracting(Event::getMessage)
        .contains("Analysis Completed. Result: Successful", "Metric 'rate' Completed. Result: Successful");
  }

  @Test
  void statusCanBeWrittenThroughTheStatusSubresource() {
    start(CountingProvider.constant(0.9), ControllerListener.NONE, true);
    create(client, runYaml("sub", 1, "rate"));

    await("the run is Successful", WAIT, () -> phase("sub") == AnalysisPhase.SUCCESSFUL);
    assertThat(measurements(client, "sub", "rate")).hasSize(1);
  }

  @Test
  void closingHandsTheLeaseBackAndStopsBeingReady() {
    start(CountingProvider.constant(0.9), ControllerListener.NONE);
    assertThat(controller.isLive()).isTrue();
    assertThat(client.leases().inNamespace("default").withName("assay-controller-shard-0").get().getSpec()
        .getHolderIdentity()).isEqualTo("solo");

    controller.close();

    assertThat(controller.isReady()).isFalse();
    assertThat(controller.isLive()).isFalse();
    assertThat(controller.ownedShards()).isEmpty();
    assertThat(client.leases().inNamespace("default").withName("assay-controller-shard-0").get().getSpec()
        .getHolderIdentity()).isEmpty();
    assertThat(client.leases().inNamespace("default").withName("assay-controller-member-solo").get()).isNull();
  }

  @Test
  void failingRunFailsWithWarningEvents() {
    start(CountingProvider.constant(0.1), ControllerListener.NONE);
    create(client, runYaml("bad", 3, "rate"));

    await("the run is Failed", WAIT, () -> phase("bad") == AnalysisPhase.FAILED);
    assertThat(measurements(client, "bad", "rate")).hasSize(1);
    await("the events are written", WAIT, () -> MockCluster.events(client, "bad").size() == 2);
    assertThat(MockCluster.events(client, "bad")).extracting(Event::getReason, Event::getType)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MetricFailed", "Warning"),
            org.assertj.core.groups.Tuple.tuple("AnalysisRunFailed", "Warning"));
  }

  @Test
  void runsOfAnotherControllerInstanceAreLeftAlone() {
    CountingProvider provider = CountingProvider.constant(0.9);
    start(provider, ControllerListener.NONE);
    create(client, runYaml("argos", 1, "rate").replace("controller-instance-id: assay",
        "controller-instance-id: argo"));
    create(client, runYaml("unlabelled", 1, "rate").replace(
        "  labels:\n    argo-rollouts.argoproj.io/controller-instance-id: assay\n", ""));
    create(client, runYaml("ours", 1, "rate"));

    await("our run is Successful", WAIT, () -> phase("ours") == AnalysisPhase.SUCCESSFUL);
    assertThat(stored(client, "argos").status().phase()).isEqualTo(AnalysisPhase.NONE);
    assertThat(stored(client, "unlabelled").status().phase()).isEqualTo(AnalysisPhase.NONE);
    assertThat(provider.measured("argos")).isFalse();
    assertThat(provider.measured("unlabelled")).isFalse();
  }

  @Test
  void terminateStopsTheRunAsArgoDoes() {
    CountingProvider provider = CountingProvider.constant(0.9);
    start(provider, ControllerListener.NONE);
    create(client, runYaml("stop", 10, "rate"));
    await("the first measurement is stored", WAIT, () -> measurements(client, "stop", "rate").size() == 1);

    GenericKubernetesResource r = MockCluster.raw(client, "stop");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
    spec.put("terminate", true);
    client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NS).resource(r).update();

    await("the run is Successful after terminate", WAIT, () -> phase("stop") == AnalysisPhase.SUCCESSFUL);
    AnalysisRun run = stored(client, "stop");
    assertThat(run.status().message()).isEqualTo("Run Terminated");
    assertThat(measurements(client, "stop", "rate")).hasSize(1);
    minute();
    assertThat(provider.calls("stop", "rate")).isEqualTo(1);
  }

  @Test
  void metricsComeFromTemplatesInTheClusterAndSecretsThroughTheApi() {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("prom")
        .withNamespace(NS).endMetadata().addToData("token", java.util.Base64.getEncoder()
            .encodeToString("s3cr3t".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build()).create();
    create(client, """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: success-rate, namespace: shop}
        spec:
          args:
          - name: service
          - name: token
            valueFrom: {secretKeyRef: {name: prom, key: token}}
          metrics:
          - name: success
            interval: 1m
            count: 2
            successCondition: result > 0.5
            provider:
              prometheus:
                address: http://prometheus.invalid:9090
                query: rate{service="{{args.service}}",token="{{args.token}}"}
        """);
    create(client, """
        apiVersion: argoproj.io/v1alpha1
        kind: ClusterAnalysisTemplate
        metadata: {name: latency}
        spec:
          metrics:
          - name: latency
            successCondition: result > 0.5
            provider:
              prometheus: {address: "http://prometheus.invalid:9090", query: "p99"}
        """);
    CountingProvider provider = CountingProvider.constant(0.9);
    start(provider, ControllerListener.NONE);
    create(client, """
        apiVersion: argoproj.io/v1alpha1
        kind: AnalysisRun
        metadata:
          name: templated
          namespace: shop
          labels: {argo-rollouts.argoproj.io/controller-instance-id: assay}
          annotations: {assay.dev/templates: "success-rate, cluster:latency"}
        spec:
          args:
          - {name: service, value: checkout}
        """);

    await("the first measurements are stored", WAIT, () -> measurements(client, "templated", "success").size() == 1);
    AnalysisRun run = stored(client, "templated");
    assertThat(run.spec().metrics()).extracting(m -> m.name()).containsExactly("success", "latency");
    assertThat(provider.queries()).contains("rate{service=\"checkout\",token=\"s3cr3t\"}");
    assertThat(client.getKubernetesSerialization().asJson(MockCluster.raw(client, "templated")))
        .doesNotContain("s3cr3t");
    minute();
    await("the run is Successful", WAIT, () -> phase("templated") == AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void missingTemplateMakesTheRunErrorWithTheReason() {
    start(CountingProvider.constant(0.9), ControllerListener.NONE);
    create(client, runYaml("missing", 1, "x").replace("  labels:\n", "  annotations:\n    assay.dev/templates: nope\n"
        + "  labels:\n").replaceAll("(?s)spec:.*", "spec: {}\n"));

    await("the run is Error", WAIT, () -> phase("missing") == AnalysisPhase.ERROR);
    assertThat(stored(client, "missing").status().message())
        .isEqualTo("analysis spec invalid: analysistemplates.argoproj.io \"nope\" not found");
  }

  @Test
  void statusConflictFromASecondWriterIsRetriedWithoutLosingTheMeasurement() {
    CountingProvider provider = CountingProvider.constant(0.9);
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger dropped = new AtomicInteger();
    ControllerListener listener = new ControllerListener() {
      @Override
      public void statusConflict(String namespace, String name, boolean wasRetried) {
        (wasRetried ? retried : dropped).incrementAndGet();
      }
    };
    // While each measurement is taken, another writer labels the run: the controller's status write then carries a
    // stale resource version and gets 409.
    AtomicInteger labels = new AtomicInteger();
    provider.during(c -> client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NS)
        .withName(c.run().name()).edit(r -> {
          r.getMetadata().getLabels().put("touched", String.valueOf(labels.incrementAndGet()));
          return r;
        }));
    start(provider, listener);
    create(client, runYaml("contended", 3, "rate"));

    await("the first measurement is stored", WAIT, () -> measurements(client, "contended", "rate").size() == 1);
    minute();
    await("two measurements are stored", WAIT, () -> measurements(client, "contended", "rate").size() == 2);
    minute();
    await("the run is Successful", WAIT, () -> phase("contended") == AnalysisPhase.SUCCESSFUL);

    assertThat(retried.get()).isGreaterThanOrEqualTo(3);
    assertThat(dropped.get()).isZero();
    assertThat(measurements(client, "contended", "rate")).hasSize(3);
    assertThat(MockCluster.count(client, "contended", "rate")).isEqualTo(3);
    assertThat(provider.calls("contended", "rate")).isEqualTo(3);
    assertThat(MockCluster.raw(client, "contended").getMetadata().getLabels()).containsEntry("touched", "3");
  }

  @Test
  void aSecondWriterChangingTheStatusWinsAndTheMeasurementIsNotDoubled() {
    CountingProvider provider = CountingProvider.constant(0.9);
    AtomicInteger dropped = new AtomicInteger();
    ControllerListener listener = new ControllerListener() {
      @Override
      public void statusConflict(String namespace, String name, boolean wasRetried) {
        if (!wasRetried) {
          dropped.incrementAndGet();
        }
      }
    };
    // The first time the run is measured, another writer stores a status of its own (as a second controller that
    // measured the same interval would): the controller must drop its result and continue from the stored one.
    AtomicInteger first = new AtomicInteger();
    provider.during(c -> {
      if (first.getAndIncrement() == 0) {
        client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(NS).withName(c.run().name())
            .editStatus(r -> {
              r.setAdditionalProperty("status", Map.of("phase", "Running", "startedAt", "2026-01-01T00:00:00Z",
                  "metricResults", List.of(Map.of("name", "rate", "phase", "Running", "count", 1, "successful", 1,
                      "measurements", List.of(Map.of("phase", "Successful", "value", "0.8",
                          "startedAt", "2026-01-01T00:00:00Z", "finishedAt", "2026-01-01T00:00:00Z"))))));
              return r;
            });
      }
    });
    start(provider, listener);
    create(client, runYaml("raced", 2, "rate"));

    await("the other writer's measurement is kept", WAIT, () -> dropped.get() == 1
        && measurements(client, "raced", "rate").size() == 1);
    assertThat(measurements(client, "raced", "rate").get(0).value()).isEqualTo("0.8");
    minute();
    await("the run is Successful", WAIT, () -> phase("raced") == AnalysisPhase.SUCCESSFUL);
    assertThat(measurements(client, "raced", "rate")).hasSize(2);
    assertThat(MockCluster.count(client, "raced", "rate")).isEqualTo(2);
  }
}
