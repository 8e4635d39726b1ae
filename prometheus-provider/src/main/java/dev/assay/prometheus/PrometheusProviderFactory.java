/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;

/**
 * Creates {@link PrometheusMetricProvider}s for engines that discover providers. Recognised settings:
 * {@code address} (the default address) and {@code maxResponseBytes} (the response bound in bytes). Thread-safe.
 */
public final class PrometheusProviderFactory implements MetricProviderFactory {
  /** Creates the factory (for {@link java.util.ServiceLoader}). */
  public PrometheusProviderFactory() {}

  @Override
  public String type() {
    return PrometheusMetricProvider.TYPE;
  }

  /**
   * Creates a provider with its own OkHttp client.
   *
   * @param settings {@code address} and {@code maxResponseBytes}, both optional
   * @return the provider
   * @throws IllegalArgumentException when {@code maxResponseBytes} is not a positive number
   */
  @Override
  public MetricProvider create(ProviderSettings settings) {
    PrometheusMetricProviderBuilder builder = PrometheusMetricProvider.builder();
    settings.get("address").ifPresent(builder::defaultAddress);
    settings.get("maxResponseBytes").ifPresent(v -> {
      try {
        builder.maxResponseBytes(Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("maxResponseBytes must be a number of bytes, but was \"" + v + "\"");
      }
    });
    return builder.build();
  }
}
