/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;

/**
 * Makes the judge available to {@code AnalysisEngine.builder().discoverProviders(loader)}: it creates a
 * {@link JudgeMetricProvider} that creates its own series providers from the {@code MetricProviderFactory} entries
 * visible to the thread's context class loader (or, without one, this class's loader), each on first use. Those are
 * separate instances from the engine's, so pass their engine-level settings to the judge's settings as
 * {@code <type>.<key>}, for example {@code prometheus.address}. Thread-safe.
 */
public final class JudgeMetricProviderFactory implements MetricProviderFactory {
  /** Creates the factory (ServiceLoader needs a public no-argument constructor). */
  public JudgeMetricProviderFactory() {}

  @Override
  public String type() {
    return JudgeMetricProvider.TYPE;
  }

  @Override
  public MetricProvider create(ProviderSettings settings) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return JudgeMetricProvider.discovering(
        context != null ? context : JudgeMetricProviderFactory.class.getClassLoader(), settings);
  }
}
