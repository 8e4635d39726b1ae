/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

/**
 * Creates a {@link MetricProvider} for one provider type. Provider modules list their factory in
 * {@code META-INF/services/dev.assay.spi.MetricProviderFactory}; the engine loads factories through
 * {@link java.util.ServiceLoader} only when asked to ({@code AnalysisEngine.builder().discoverProviders(loader)}).
 *
 * <p>Implementations must be public, have a public no-argument constructor, and be thread-safe.
 */
public interface MetricProviderFactory {
  /**
   * The provider key this factory serves, equal to the created provider's {@link MetricProvider#type()}, for
   * example {@code "prometheus"}.
   *
   * @return the type
   */
  String type();

  /**
   * Creates a provider. The engine owns the returned provider and closes it when the engine closes.
   *
   * @param settings engine-level settings for the provider (empty when none were given)
   * @return a new provider
   */
  MetricProvider create(ProviderSettings settings);
}
