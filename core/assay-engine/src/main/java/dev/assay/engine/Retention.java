/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.RunRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Argo's {@code garbageCollectMeasurements} (docs/argo-semantics.md §2.10): keep the newest measurements per metric. */
final class Retention {
  private static final Logger logger = LoggerFactory.getLogger(Retention.class);

  private Retention() {}

  static AnalysisRunStatus trim(AnalysisRunStatus status, Prepared prepared, RunRef ref, Instant now,
      Map<String, MetricProvider> providers, ProviderCalls calls) {
    List<MetricResult> results = new ArrayList<>(status.metricResults());
    List<Callable<Boolean>> collections = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < results.size(); i++) {
      MetricResult r = results.get(i);
      int limit = limitFor(prepared.retentionLimits(), r.name(), Reconciler.DEFAULT_MEASUREMENT_RETENTION);
      if (r.measurements().size() <= limit) {
        continue;
      }
      Metric metric = prepared.metrics().stream().filter(m -> m.name().equals(r.name())).findFirst().orElse(null);
      MetricProvider provider = metric == null || metric.provider().types().isEmpty() ? null
          : providers.get(metric.provider().types().get(0));
      if (provider != null) {
        MeasurementContext context = new MeasurementContext(ref, metric, r, now, prepared.secretValues());
        collections.add(() -> {
          provider.garbageCollect(context, limit);
          return Boolean.TRUE;
        });
        names.add(r.name());
      }
      // Unlike Argo, trim even when there is no provider, so the status cannot grow without bound.
      results.set(i, r.toBuilder().measurements(newest(r.measurements(), limit)).build());
      changed = true;
    }
    calls.invokeAll(collections, (index, reason) -> {
      logger.warn("Garbage collection for metric {} failed: {}", names.get(index), reason);
      return Boolean.FALSE;
    });
    if (!changed) {
      return status;
    }
    return new AnalysisRunStatus(status.phase(), status.message(), results, status.startedAt(), status.completedAt(),
        status.runSummary(), status.dryRunSummary());
  }

  static int limitFor(Map<String, Integer> rules, String metric, int defaultLimit) {
    Integer rule = rules.get(metric);
    return rule != null && rule > 0 ? rule : defaultLimit;
  }

  static List<Measurement> newest(List<Measurement> measurements, int limit) {
    return measurements.size() <= limit ? measurements
        : List.copyOf(measurements.subList(measurements.size() - limit, measurements.size()));
  }

}
