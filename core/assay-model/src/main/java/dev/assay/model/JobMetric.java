/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Map;

/**
 * The {@code job} provider block of a metric: a Kubernetes {@code batch/v1} Job (or, with the local runner, a
 * process). The job spec is kept as plain Java values so that {@code core} needs no Kubernetes client.
 *
 * @param metadata labels and annotations for the job, as plain values, never null
 * @param spec the {@code batch/v1 JobSpec} as plain values, never null
 */
public record JobMetric(Map<String, Object> metadata, Map<String, Object> spec) {
  /**
   * Copies the maps.
   *
   * @param metadata labels and annotations for the job, as plain values, never null
   * @param spec the {@code batch/v1 JobSpec} as plain values, never null
   */
  public JobMetric {
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    spec = spec == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spec));
  }
}
