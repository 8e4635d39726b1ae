/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds metrics, contexts and in-flight measurements for the job provider tests. */
final class JobTestSupport {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private JobTestSupport() {}

  static Map<String, Object> containerSpec(Map<String, Object> container) {
    Map<String, Object> podSpec = new LinkedHashMap<>();
    podSpec.put("restartPolicy", "Never");
    podSpec.put("containers", List.of(container));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("backoffLimit", 0);
    spec.put("template", Map.of("spec", podSpec));
    return spec;
  }

  static Map<String, Object> busyboxSpec() {
    return containerSpec(Map.of("name", "test", "image", "busybox:1.36", "command", List.of("true")));
  }

  static Metric metric(String name, Map<String, Object> jobMetadata, Map<String, Object> spec) {
    return Metric.builder(name).provider(ProviderSpec.of(new JobMetric(jobMetadata, spec))).build();
  }

  static MeasurementContext context(RunRef run, Metric metric, Instant now) {
    return new MeasurementContext(run, metric, MetricResult.start(metric.name(), false, Map.of()), now, List.of());
  }

  static MeasurementContext context(RunRef run, Metric metric, Instant now, List<String> secrets) {
    return new MeasurementContext(run, metric, MetricResult.start(metric.name(), false, Map.of()), now,
        secrets.stream().map(dev.assay.spi.Secret::of).collect(java.util.stream.Collectors.toList()));
  }

  /** The in-flight measurement the engine records for a Pending result of {@code run}. */
  static Measurement inFlight(ProviderResult started, Instant startedAt) {
    ProviderResult.Pending pending = (ProviderResult.Pending) started;
    return Measurement.builder().startedAt(startedAt).metadata(pending.metadata()).resumeAt(pending.resumeAt()).build();
  }

  static Measurement inFlight(Map<String, String> metadata, Instant startedAt) {
    return Measurement.builder().startedAt(startedAt).metadata(metadata).build();
  }
}
