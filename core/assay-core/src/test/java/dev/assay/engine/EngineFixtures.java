/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Metric;
import dev.assay.model.MetricBuilder;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptedProvider;
import java.time.Instant;
import java.util.List;

/** Small builders shared by the engine tests. */
final class EngineFixtures {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private EngineFixtures() {}

  static MetricBuilder prometheusMetric(String name) {
    return Metric.builder(name)
        .provider(ProviderSpec.of(new PrometheusMetric("http://prom", "q", null, false, List.of(), null, null)));
  }

  static AnalysisRun run(String name, Metric... metrics) {
    return AnalysisRun.of(new ObjectMeta(name, "ns", "uid-" + name, java.util.Map.of(), java.util.Map.of(),
        java.util.Map.of()), new AnalysisRunSpec(List.of(metrics), List.of(), false, List.of(), List.of(), null));
  }

  static ManualScheduler scheduler() {
    return new ManualScheduler(new ManualClock(T0));
  }

  static AnalysisEngineBuilder virtualEngine(ManualScheduler scheduler, ScriptedProvider provider) {
    return AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).provider(provider);
  }
}
