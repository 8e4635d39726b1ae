/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardAssignmentTest {
  @Test
  void shardOfIsStableAndSpreadsRuns() {
    assertThat(ShardAssignment.shardOf("shop", "canary-1", 3))
        .isEqualTo(ShardAssignment.shardOf("shop", "canary-1", 3));
    // FNV-1a (32 bit) of "a/b" is 0x3a8e75c1, from an independent Python implementation:
    // h = 0x811c9dc5; for b in b"a/b": h = ((h ^ b) * 0x01000193) & 0xffffffff
    assertThat(ShardAssignment.shardOf("a", "b", 3)).isEqualTo(Integer.remainderUnsigned(0x3a8e75c1, 3));
    int[] perShard = new int[3];
    IntStream.range(0, 3000).forEach(i -> perShard[ShardAssignment.shardOf("ns", "run-" + i, 3)]++);
    assertThat(java.util.Arrays.stream(perShard).boxed().toList()).allMatch(n -> n > 900 && n < 1100);
  }

  @Test
  void aNewReplicaDoesNotTakeTheLeadership() {
    assertThat(ShardAssignment.assign(1, List.of("a", "b"), Map.of(0, "b"))).containsExactly(Map.entry(0, "b"));
    assertThat(ShardAssignment.assign(1, List.of("a", "b"), Map.of())).containsExactly(Map.entry(0, "a"));
  }

  @Test
  void oneReplicaHoldingAllShardsKeepsItsShareAndTheRestSpread() {
    Map<Integer, String> holders = new HashMap<>();
    IntStream.range(0, 3).forEach(s -> holders.put(s, "a"));
    assertThat(ShardAssignment.assign(3, List.of("c", "b", "a"), holders))
        .containsExactly(Map.entry(0, "a"), Map.entry(1, "b"), Map.entry(2, "c"));
  }

  @Test
  void aDeadReplicasShardsGoToTheLeastLoaded() {
    Map<Integer, String> holders = Map.of(0, "a", 1, "b", 3, "a", 4, "b");
    Map<Integer, String> result = ShardAssignment.assign(6, List.of("a", "b", "d"), holders);
    assertThat(result).containsEntry(0, "a").containsEntry(1, "b").containsEntry(3, "a").containsEntry(4, "b")
        .containsEntry(2, "d").containsEntry(5, "d");
    assertThat(ShardAssignment.assign(3, List.of(), holders)).isEmpty();
  }
}
