/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import dev.assay.judge.JudgeMetricProvider;
import dev.assay.model.AnalysisPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The series of one provider and metric name: finished measurements by phase and provider call time (count and
 * total). Every phase's
 * counter is registered at 0 with the first measurement, so {@code increase()} sees the first error too (a counter
 * that appears at 1 shows no increase). Thread-safe.
 */
final class ProviderMeters {
  private static final List<AnalysisPhase> OUTCOMES = List.of(AnalysisPhase.SUCCESSFUL, AnalysisPhase.FAILED,
      AnalysisPhase.INCONCLUSIVE, AnalysisPhase.ERROR);

  private final Map<AnalysisPhase, Counter> finished = new EnumMap<>(AnalysisPhase.class);
  private final TimeTotal calls;
  private final boolean judge;

  ProviderMeters(MeterRegistry registry, MeterNames names, String provider, String metric) {
    judge = JudgeMetricProvider.TYPE.equals(provider);
    for (AnalysisPhase p : OUTCOMES) {
      finished.put(p, Counter.builder(names.measurements())
          .description("Finished measurements by provider, metric and outcome").tag("provider", provider)
          .tag("metric", metric).tag("phase", p.wireName()).register(registry));
    }
    calls = new TimeTotal(registry, names.measurementDuration(), "Metric provider call time (real time)",
        Tags.of("provider", provider, "metric", metric));
  }

  void finished(AnalysisPhase phase) {
    Counter c = finished.get(phase);
    if (c != null) {
      c.increment();
    }
  }

  /** Whether the provider is the statistical judge, whose measurements carry a verdict. */
  boolean isJudge() {
    return judge;
  }

  void called(Duration time) {
    calls.record(time);
  }
}
