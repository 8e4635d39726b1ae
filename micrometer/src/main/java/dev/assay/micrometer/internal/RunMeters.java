/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.GoDuration;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.template.RunRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The per-run series: Argo's info, phase, metric type, metric phase and reconcile histogram, plus the last
 * measurement time and the measurement interval for the stall alert. Gauges read this object's fields, which the
 * engine's callbacks update; {@link #remove()} takes every series away. Thread-safe.
 */
final class RunMeters {
  /** Argo's reconcile histogram buckets, seconds. */
  private static final double[] RECONCILE_BUCKETS = {0.01, 0.15, 0.25, 0.5, 1};

  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private final SwitchingGauge info;
  private final Map<String, AnalysisPhase> metricPhases = new ConcurrentHashMap<>();
  /** Resolved once, so the measurement path does no lookups by provider key (docs/observability.md, overhead). */
  private final Map<String, ProviderMeters> providerMeters;
  private final DistributionSummary reconcile;
  private final Counter reconcileErrors;
  private volatile AnalysisPhase phase = AnalysisPhase.NONE;
  private volatile double lastTimestamp;
  private volatile @Nullable Instant completedAt;

  RunMeters(MeterRegistry registry, MeterNames names, AnalysisRun run, Instant firstSeen,
      BiFunction<String, String, ProviderMeters> providers) {
    this.registry = registry;
    Tags run1 = Tags.of("namespace", run.metadata().namespace(), "name", run.metadata().name());
    Instant started = run.status().startedAt();
    lastTimestamp = seconds(started != null ? started : firstSeen);
    info = new SwitchingGauge(registry, names.runInfo(), "Information about analysis run.", run1, "phase");
    for (AnalysisPhase p : ArgoTypes.PHASES) {
      meters.add(Gauge.builder(names.runPhase(), this, m -> m.phaseIs(p) ? 1 : 0)
          .description("Information on the state of the Analysis Run").tags(run1).tag("phase", p.wireName())
          .register(registry));
    }
    Set<String> dryRun = dryRunMetrics(run);
    Duration shortest = null;
    Map<String, ProviderMeters> byMetric = new HashMap<>();
    for (Metric metric : run.spec().metrics()) {
      byMetric.put(metric.name(), providers.apply(ArgoTypes.providerKey(metric), metric.name()));
      String type = ArgoTypes.typeOf(metric);
      Tags metricTags = run1.and("metric", metric.name(), "type", type);
      meters.add(Gauge.builder(names.metricType(), () -> 1)
          .description("Information on the type of a specific metric in the Analysis Runs").tags(metricTags)
          .strongReference(true).register(registry));
      String dry = String.valueOf(dryRun.contains(metric.name()));
      for (AnalysisPhase p : ArgoTypes.PHASES) {
        meters.add(Gauge.builder(names.metricPhase(), this, m -> m.metricPhaseIs(metric.name(), p) ? 1 : 0)
            .description("Information on the duration of a specific metric in the Analysis Run")
            .tags(metricTags).tag("dry_run", dry).tag("phase", p.wireName()).register(registry));
      }
      Duration interval = intervalOf(metric);
      if (interval != null && (shortest == null || interval.compareTo(shortest) < 0)) {
        shortest = interval;
      }
    }
    meters.add(Gauge.builder(names.lastTimestamp(), this, m -> m.lastTimestamp)
        .description("When the run last called a metric provider (its start before that), seconds since the epoch")
        .tags(run1).register(registry));
    if (shortest != null) {
      double intervalSeconds = shortest.toMillis() / 1000.0;
      meters.add(Gauge.builder(names.interval(), () -> intervalSeconds)
          .description("The shortest measurement interval among the run's metrics, seconds").tags(run1)
          .strongReference(true).register(registry));
    }
    reconcile = DistributionSummary.builder(names.reconcile()).description("Analysis Run reconciliation performance.")
        .tags(run1).serviceLevelObjectives(RECONCILE_BUCKETS).register(registry);
    reconcileErrors = Counter.builder(names.reconcileError()).description("Error occurring during the analysis run")
        .tags(run1).register(registry);
    meters.add(reconcile);
    meters.add(reconcileErrors);
    providerMeters = Map.copyOf(byMetric);
    for (MetricResult r : run.status().metricResults()) {
      metricPhases.put(r.name(), r.phase());
    }
    update(run);
  }

  /** Reads the run's phase; the info series changes only when the phase does. */
  void update(AnalysisRun run) {
    AnalysisPhase now = run.status().phase();
    if (now != phase || phase == AnalysisPhase.NONE) {
      phase = now;
      info.set(ArgoTypes.phaseName(now));
    }
  }

  /** A metric's phase changed. */
  void metricPhase(String metric, AnalysisPhase to) {
    metricPhases.put(metric, to);
  }

  /** The provider series of one of the run's metrics, or null for a metric the spec does not have. */
  @Nullable ProviderMeters providerMeters(String metric) {
    return providerMeters.get(metric);
  }

  void evaluated(Duration elapsed, boolean failed) {
    reconcile.record(elapsed.toNanos() / 1e9);
    if (failed) {
      reconcileErrors.increment();
    }
  }

  void measuredAt(Instant when) {
    lastTimestamp = seconds(when);
  }

  void completed(Instant when) {
    if (completedAt == null) {
      completedAt = when;
    }
  }

  boolean isActive() {
    return !phase.isCompleted();
  }

  /** Whether the run completed before {@code cutoff}. */
  boolean completedBefore(Instant cutoff) {
    Instant at = completedAt;
    return at != null && at.isBefore(cutoff);
  }

  @Nullable Instant completedAt() {
    return completedAt;
  }

  void remove() {
    info.clear();
    meters.forEach(registry::remove);
  }

  private boolean phaseIs(AnalysisPhase p) {
    return ArgoTypes.phaseName(phase).equals(p.wireName());
  }

  private boolean metricPhaseIs(String metric, AnalysisPhase p) {
    return ArgoTypes.phaseName(metricPhases.getOrDefault(metric, AnalysisPhase.NONE)).equals(p.wireName());
  }

  private static Set<String> dryRunMetrics(AnalysisRun run) {
    try {
      return RunRules.dryRunMetrics(run.spec().dryRun(), run.spec().metrics());
    } catch (RuntimeException invalid) {
      // The engine reports the invalid rule as the run's Error; the gauges just say "not dry-run".
      return Set.of();
    }
  }

  private static @Nullable Duration intervalOf(Metric metric) {
    if (metric.interval().isEmpty()) {
      return null;
    }
    try {
      Duration d = GoDuration.parse(metric.interval());
      return d.isZero() || d.isNegative() ? null : d;
    } catch (RuntimeException invalid) {
      return null;
    }
  }

  private static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }
}
