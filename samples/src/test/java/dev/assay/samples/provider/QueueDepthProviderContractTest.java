/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.provider;

import dev.assay.model.Metric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MetricProvider;
import dev.assay.testing.MetricProviderContract;
import java.util.List;
import java.util.Map;

/**
 * A user's custom provider checked against the provider contract: extend {@link MetricProviderContract}, say how to
 * make the provider and two metrics, and the contract's tests run on it. The queue-depth provider takes no secret.
 */
class QueueDepthProviderContractTest extends MetricProviderContract {
  @Override
  protected MetricProvider newProvider() {
    Map<String, Double> depths = Map.of("orders", 12.0);
    return new QueueDepthProvider(queue -> depths.getOrDefault(queue, 0.0));
  }

  @Override
  protected Metric workingMetric() {
    return metric("orders-depth", Map.of("queue", "orders"));
  }

  @Override
  protected Metric failingMetric() {
    return metric("no-queue", Map.of());
  }

  @Override
  protected List<String> secretValues() {
    return List.of();
  }

  private static Metric metric(String name, Map<String, Object> block) {
    return Metric.builder(name).successCondition("result < 100")
        .provider(ProviderSpec.of("queue-depth", block)).build();
  }
}
