/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fake Prometheus provider that answers each query with a fixed series and records the queries it saw. */
final class SeriesByQueryProvider implements MetricProvider {
  private final Map<String, Object> seriesByQuery = new ConcurrentHashMap<>();
  private final List<String> queries = new ArrayList<>();

  SeriesByQueryProvider answer(String query, Object series) {
    seriesByQuery.put(query, series);
    return this;
  }

  synchronized List<String> queries() {
    return List.copyOf(queries);
  }

  @Override
  public String type() {
    return "prometheus";
  }

  @Override
  public ProviderResult run(MeasurementContext context) {
    String query = context.metric().provider().prometheus().query();
    synchronized (this) {
      queries.add(query);
    }
    Object series = seriesByQuery.get(query);
    if (series == null) {
      return new ProviderResult.Errored("bad_data: no series for " + query, Map.of("warnings", "none"));
    }
    return new ProviderResult.Observed(series, series.toString(), Map.of("query", query));
  }

  @Override
  public Map<String, String> metadata(MeasurementContext context) {
    return Map.of("ResolvedPrometheusQuery", context.metric().provider().prometheus().query());
  }
}
