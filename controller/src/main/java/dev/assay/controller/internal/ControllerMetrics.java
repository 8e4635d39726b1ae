/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.engine.AnalysisListener;
import dev.assay.micrometer.AssayMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The runnable controller's metrics: Argo's analysis metrics ({@code assay-micrometer}) in a Prometheus registry,
 * served as {@code /metrics} by the {@link HealthServer}. Thread-safe.
 */
public final class ControllerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AssayMetrics metrics;

  /**
   * Creates the registry and binds the analysis metrics.
   *
   * @param prefix the prefix of the analysis metric names ({@code ""} for Argo's own names)
   */
  public ControllerMetrics(String prefix) {
    metrics = AssayMetrics.builder(registry).prefix(prefix).build();
  }

  /**
   * The listener to give the controller ({@code AnalysisRunController.Builder.analysisListener}).
   *
   * @return the listener
   */
  public AnalysisListener analysisListener() {
    return metrics.analysisListener();
  }

  /**
   * The endpoints to give the {@link HealthServer}: {@code /metrics} in Prometheus' text format.
   *
   * @return path to body
   */
  public Map<String, Supplier<String>> endpoints() {
    return Map.of("/metrics", registry::scrape);
  }
}
