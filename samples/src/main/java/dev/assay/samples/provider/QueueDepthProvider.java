/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.provider;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A custom provider: metrics with {@code provider: {queue-depth: {queue: orders}}} measure a queue's depth through
 * a function the application supplies (a broker client, a JMX bean...). The engine evaluates the conditions on
 * the returned value, so {@code successCondition: result < 100} works as with any built-in provider.
 */
public final class QueueDepthProvider implements MetricProvider {
  private final ToDoubleFunction<String> depth;

  /**
   * Creates the provider.
   *
   * @param depth the current depth of a queue, by name
   */
  public QueueDepthProvider(ToDoubleFunction<String> depth) {
    this.depth = Objects.requireNonNull(depth, "depth");
  }

  @Override
  public String type() {
    return "queue-depth";
  }

  @Override
  public ProviderResult run(MeasurementContext context) {
    Object block = context.metric().provider().other().get("queue-depth");
    Object queue = block instanceof Map ? ((Map<?, ?>) block).get("queue") : null;
    if (queue == null) {
      return ProviderResult.error("queue-depth: the provider block needs a queue name");
    }
    double value = depth.applyAsDouble(queue.toString());
    return ProviderResult.observed(value, Double.toString(value));
  }
}
