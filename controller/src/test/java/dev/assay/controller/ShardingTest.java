/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static dev.assay.controller.MockCluster.create;
import static dev.assay.controller.MockCluster.runYaml;
import static dev.assay.controller.MockCluster.stored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.controller.internal.ShardAssignment;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.MetricResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ShardingTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final int SHARDS = 3;
  private static final int COUNT = 3;
  private Replicas replicas;

  @AfterEach
  void stopAll() {
    replicas.close();
    client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS).inNamespace(MockCluster.NS).delete();
    client.leases().inNamespace(MockCluster.NS).delete();
  }

  private boolean balanced() {
    List<Replicas.Replica> live = replicas.live();
    Set<Integer> all = new HashSet<>();
    for (Replicas.Replica r : live) {
      Set<Integer> owned = r.controller.ownedShards();
      if (owned.isEmpty() || owned.size() > (SHARDS + live.size() - 1) / live.size() || !r.controller.isReady()) {
        return false;
      }
      for (Integer s : owned) {
        if (!all.add(s)) {
          return false;
        }
      }
    }
    return all.size() == SHARDS;
  }

  private static int stored(String run) {
    return MockCluster.stored(client, run).status().metricResult("rate").map(r -> r.measurements().size()).orElse(0);
  }

  private void measureAllTo(List<String> runs, int n) {
    replicas.await("every run has " + n + " measurement(s)", () -> runs.stream().allMatch(r -> stored(r) >= n));
  }

  private void finish(List<String> runs, int from) {
    for (int n = from; n <= COUNT; n++) {
      replicas.minute();
      measureAllTo(runs, n);
    }
    replicas.await("every run is Successful", () -> runs.stream()
        .allMatch(r -> MockCluster.stored(client, r).status().phase() == AnalysisPhase.SUCCESSFUL));
  }

  @Test
  void everyRunIsMeasuredByExactlyOneReplicaAndADeadReplicasRunsMove() {
    replicas = new Replicas(server);
    for (String name : List.of("shard-a", "shard-b", "shard-c")) {
      replicas.start(name, SHARDS);
    }
    replicas.await("each replica owns one shard", this::balanced);

    List<String> first = IntStream.range(0, 30).mapToObj(i -> "first-" + i).toList();
    first.forEach(r -> create(client, runYaml(r, COUNT, "rate")));
    measureAllTo(first, 1);

    for (String run : first) {
      int shard = ShardAssignment.shardOf(MockCluster.NS, run, SHARDS);
      List<Replicas.Replica> measuring = replicas.live().stream().filter(r -> r.provider.measured(run)).toList();
      assertThat(measuring).as(run + " measured by").hasSize(1);
      assertThat(measuring.get(0).controller.ownedShards()).as(run + " in shard " + shard).contains(shard);
    }
    assertThat(replicas.live()).allMatch(r -> r.provider.totalCalls() > 0);

    // One replica dies mid-run: its shard moves to a survivor, which finishes its runs.
    Replicas.Replica dead = replicas.live().get(1);
    int deadShard = dead.controller.ownedShards().iterator().next();
    dead.crash();
    replicas.await("the survivors own all shards", this::balanced);
    List<String> second = IntStream.range(0, 15).mapToObj(i -> "second-" + i).toList();
    second.forEach(r -> create(client, runYaml(r, COUNT, "rate")));
    measureAllTo(second, 1);
    finish(first, 2);
    finish(second, 2);

    for (String run : first) {
      MetricResult r = MockCluster.stored(client, run).status().metricResult("rate").orElseThrow();
      assertThat(r.count()).as(run).isEqualTo(COUNT);
      assertThat(r.measurements()).as(run).hasSize(COUNT);
    }
    List<String> movedRuns = first.stream()
        .filter(r -> ShardAssignment.shardOf(MockCluster.NS, r, SHARDS) == deadShard).toList();
    assertThat(movedRuns).isNotEmpty();
    for (String run : movedRuns) {
      assertThat(dead.provider.calls(run, "rate")).as(run + " before the crash").isEqualTo(1);
      assertThat(replicas.live().stream().mapToInt(r -> r.provider.calls(run, "rate")).sum())
          .as(run + " after the crash").isEqualTo(COUNT - 1);
    }
    for (String run : second) {
      assertThat(dead.provider.measured(run)).isFalse();
      assertThat(replicas.live().stream().filter(r -> r.provider.measured(run)).count()).as(run).isEqualTo(1);
    }
  }
}
