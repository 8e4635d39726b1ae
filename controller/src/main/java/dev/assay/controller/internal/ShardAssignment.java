/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which shard a run belongs to, and which live replica should own each shard. Pure functions: every replica computes
 * the same answer from the same view of the leases, and the shard leases keep two replicas from owning a shard at the
 * same time while their views differ (see {@code docs/controller.md}).
 */
public final class ShardAssignment {
  private ShardAssignment() {}

  /**
   * The shard of a run: FNV-1a (32 bit) of {@code namespace/name}, modulo the shard count. Stable across processes
   * and Java versions.
   *
   * @param namespace the run's namespace
   * @param name the run's name
   * @param shards the shard count
   * @return a shard in {@code [0, shards)}
   */
  public static int shardOf(String namespace, String name, int shards) {
    int hash = 0x811c9dc5;
    for (byte b : (namespace + "/" + name).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return Integer.remainderUnsigned(hash, shards);
  }

  /**
   * The desired owner of every shard. Each live replica gets at most {@code ceil(shards / replicas)} shards; a shard
   * stays with its current holder while that holder is live and under that cap (so a new replica does not take the
   * leadership away from a working one), and the other shards go to the replicas with the fewest, in name order.
   *
   * @param shards the shard count
   * @param live the live replicas' identities
   * @param holders the current valid holder of each held shard
   * @return shard to replica identity; empty when no replica is live
   */
  public static Map<Integer, String> assign(int shards, List<String> live, Map<Integer, String> holders) {
    Map<Integer, String> result = new TreeMap<>();
    if (live.isEmpty()) {
      return result;
    }
    List<String> members = new ArrayList<>(live);
    members.sort(null);
    int cap = (shards + members.size() - 1) / members.size();
    Map<String, Integer> load = new HashMap<>();
    members.forEach(m -> load.put(m, 0));
    for (int s = 0; s < shards; s++) {
      String holder = holders.get(s);
      if (holder != null && load.containsKey(holder) && load.get(holder) < cap) {
        result.put(s, holder);
        load.merge(holder, 1, Integer::sum);
      }
    }
    for (int s = 0; s < shards; s++) {
      if (!result.containsKey(s)) {
        String least = members.get(0);
        for (String m : members) {
          if (load.get(m) < load.get(least)) {
            least = m;
          }
        }
        result.put(s, least);
        load.merge(least, 1, Integer::sum);
      }
    }
    return result;
  }
}
