/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MetricProvider;
import dev.assay.testing.MetricProviderContract;
import java.util.List;

/**
 * The provider contract for the judge. Its series come from a scripted Prometheus stand-in; the secret is part of
 * the queries (a tenant token), which the judge copies into its metadata and the stand-in into its error message.
 */
class JudgeProviderContractTest extends MetricProviderContract {
  private static final String SECRET = "judg3 s3c&r=t/+";
  private static final String CANARY = "latency{tenant=\"" + SECRET + "\",track=\"canary\"}";
  private static final String STABLE = "latency{tenant=\"" + SECRET + "\",track=\"stable\"}";

  @Override
  protected MetricProvider newProvider() {
    SeriesByQueryProvider series = new SeriesByQueryProvider()
        .answer(CANARY, Samples.around(152, 0.3, 60)).answer(STABLE, Samples.around(150, 0.3, 60));
    return JudgeMetricProvider.delegatingTo(series);
  }

  @Override
  protected Metric workingMetric() {
    return metric("works", CANARY);
  }

  @Override
  protected Metric failingMetric() {
    return metric("fails", "missing{tenant=\"" + SECRET + "\"}");
  }

  @Override
  protected List<String> secretValues() {
    return List.of(SECRET);
  }

  private static Metric metric(String name, String canaryQuery) {
    JudgeSpec spec = JudgeSpec.builder(ProviderSpec.of(PrometheusMetric.of("http://prom:9090", canaryQuery)),
        ProviderSpec.of(PrometheusMetric.of("http://prom:9090", STABLE))).unit("ms").build();
    return Metric.builder(name).successCondition("result.verdict == \"pass\"").provider(spec.toProviderSpec())
        .build();
  }
}
