/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.RunRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds provider call contexts for tests. */
final class Contexts {
  static final Instant NOW = Instant.parse("2023-11-14T22:43:20Z"); // 1700001800

  private Contexts() {}

  static Metric metric(PrometheusMetric prometheus) {
    return Metric.builder("m").provider(ProviderSpec.of(prometheus)).build();
  }

  static MeasurementContext of(PrometheusMetric prometheus) {
    return of(metric(prometheus), NOW, List.of());
  }

  static MeasurementContext of(PrometheusMetric prometheus, List<String> secrets) {
    return of(metric(prometheus), NOW, secrets);
  }

  static MeasurementContext of(Metric metric, Instant now, List<String> secrets) {
    return new MeasurementContext(new RunRef("run", "ns", "uid-1"), metric,
        MetricResult.start(metric.name(), false, Map.of()), now,
        secrets.stream().map(dev.assay.spi.Secret::of).collect(java.util.stream.Collectors.toList()));
  }
}
