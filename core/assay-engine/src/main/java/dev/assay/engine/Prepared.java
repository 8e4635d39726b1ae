/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.Metric;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's metrics ready for one evaluation: arguments resolved, validated, with the dry-run set and retention
 * limits.
 *
 * @param metrics resolved metrics in spec order
 * @param secretValues secret argument values to redact (empty when resolved with dummy secrets)
 * @param dryRunMetrics names of dry-run metrics
 * @param retentionLimits per-metric retention limits from the rules (absent: the default of 10)
 */
record Prepared(List<Metric> metrics, List<String> secretValues, Set<String> dryRunMetrics,
    Map<String, Integer> retentionLimits) {
  Prepared {
    metrics = List.copyOf(metrics);
    secretValues = List.copyOf(secretValues);
    dryRunMetrics = Set.copyOf(dryRunMetrics);
    retentionLimits = Map.copyOf(retentionLimits);
  }
}
