/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A "prometheus" provider whose answers depend on the metric name, for the alert scenarios: a healthy canary, a
 * failing one, an undecided one, a flaky data source (two calls in three fail) and a steady one.
 */
final class CannedProvider implements MetricProvider {
  /** A metric name with quotes and non-ASCII characters, to prove label escaping end to end. */
  static final String FLAKY = "latency \"p99\" ✓ µs";

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @Override
  public String type() {
    return "prometheus";
  }

  @Override
  public ProviderResult run(MeasurementContext context) {
    String metric = context.metric().name();
    int n = calls.computeIfAbsent(metric, k -> new AtomicInteger()).getAndIncrement();
    switch (metric) {
      case "success-rate":
        return ProviderResult.observed(List.of(0.99), "[0.99]");
      case "error-rate":
        return ProviderResult.observed(List.of(0.2), "[0.2]");
      case "saturation":
        return ProviderResult.observed(List.of(0.5), "[0.5]");
      case FLAKY:
        return n % 3 == 2 ? ProviderResult.observed(List.of(0.12), "[0.12]")
            : ProviderResult.error("Post \"http://prometheus:9090/api/v1/query\": 503 Service Unavailable");
      default:
        return ProviderResult.observed(List.of(100.0), "[100]");
    }
  }
}
