/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static dev.assay.controller.MockCluster.create;
import static dev.assay.controller.MockCluster.runYaml;
import static dev.assay.controller.MockCluster.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class LeaderElectionTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final int RUNS = 6;
  private static final int COUNT = 4;
  private Replicas replicas;

  @BeforeEach
  void startTwo() {
    replicas = new Replicas(server);
    replicas.start("replica-a", 1);
    replicas.start("replica-b", 1);
    replicas.await("exactly one replica leads", () -> leaders().size() == 1
        && replicas.live().stream().allMatch(r -> r.controller.isReady()));
  }

  @AfterEach
  void stopAll() {
    replicas.close();
    client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(MockCluster.NS).delete();
    client.leases().inNamespace(MockCluster.NS).delete();
  }

  private List<Replicas.Replica> leaders() {
    return replicas.live().stream().filter(r -> r.controller.ownedShards().equals(Set.of(0))).toList();
  }

  private static String run(int i) {
    return "run-" + i;
  }

  private static int storedMeasurements(int i) {
    return stored(client, run(i)).status().metricResult("rate").map(r -> r.measurements().size()).orElse(0);
  }

  private void measureAllTo(int n) {
    replicas.await("every run has " + n + " measurement(s)",
        () -> IntStream.range(0, RUNS).allMatch(i -> storedMeasurements(i) >= n));
  }

  @Test
  void onlyTheLeaderMeasures() {
    Replicas.Replica leader = leaders().get(0);
    Replicas.Replica follower = replicas.live().stream().filter(r -> r != leader).findFirst().orElseThrow();
    IntStream.range(0, RUNS).forEach(i -> create(client, runYaml(run(i), COUNT, "rate")));

    measureAllTo(1);
    for (int n = 2; n <= COUNT; n++) {
      replicas.minute();
      measureAllTo(n);
    }
    replicas.await("every run is Successful", () -> IntStream.range(0, RUNS)
        .allMatch(i -> stored(client, run(i)).status().phase() == AnalysisPhase.SUCCESSFUL));

    assertThat(follower.provider.totalCalls()).isZero();
    assertThat(leader.provider.totalCalls()).isEqualTo(RUNS * COUNT);
    IntStream.range(0, RUNS).forEach(LeaderElectionTest::assertExactlyOncePerInterval);
  }

  @Test
  void whenTheLeaderIsKilledMidRunTheOtherTakesOverWithoutLosingOrDoublingAMeasurement() {
    failover(true);
  }

  @Test
  void whenTheLeaderStopsGracefullyTheOtherTakesOverWithoutLosingOrDoublingAMeasurement() {
    failover(false);
  }

  private void failover(boolean kill) {
    Replicas.Replica leader = leaders().get(0);
    Replicas.Replica follower = replicas.live().stream().filter(r -> r != leader).findFirst().orElseThrow();
    IntStream.range(0, RUNS).forEach(i -> create(client, runYaml(run(i), COUNT, "rate")));
    measureAllTo(1);
    replicas.minute();
    measureAllTo(2);

    // Time moves on and the leader's timers fire; it goes away while those measurements are being taken.
    replicas.minute();
    if (kill) {
      leader.crash();
    } else {
      leader.stop();
    }
    replicas.await("the other replica leads", () -> follower.controller.ownedShards().equals(Set.of(0)));
    measureAllTo(3);
    replicas.minute();
    replicas.await("every run is Successful", () -> IntStream.range(0, RUNS)
        .allMatch(i -> stored(client, run(i)).status().phase() == AnalysisPhase.SUCCESSFUL));

    assertThat(follower.provider.totalCalls()).isPositive();
    IntStream.range(0, RUNS).forEach(LeaderElectionTest::assertExactlyOncePerInterval);
  }

  /** The stored status has exactly COUNT measurements, one per interval, and counters that agree. */
  static void assertExactlyOncePerInterval(int i) {
    AnalysisRun r = stored(client, run(i));
    MetricResult result = r.status().metricResult("rate").orElseThrow();
    assertThat(result.count()).as(run(i) + " count").isEqualTo(COUNT);
    assertThat(result.successful()).as(run(i) + " successful").isEqualTo(COUNT);
    List<Instant> started = result.measurements().stream().map(Measurement::startedAt).toList();
    assertThat(started).as(run(i) + " measurement times").hasSize(COUNT).doesNotHaveDuplicates();
    for (int k = 1; k < started.size(); k++) {
      assertThat(Duration.between(started.get(k - 1), started.get(k))).as(run(i) + " gap " + k)
          .isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }
  }
}
