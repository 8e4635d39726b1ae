/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A factory found through META-INF/services in test resources; public because ServiceLoader requires it. */
public final class TestProviderFactory implements MetricProviderFactory {
  static final List<MetricProvider> created = new CopyOnWriteArrayList<>();

  /** Creates the factory (ServiceLoader needs a public no-argument constructor). */
  public TestProviderFactory() {}

  @Override
  public String type() {
    return "prometheus";
  }

  @Override
  public MetricProvider create(ProviderSettings settings) {
    Closeable p = new Closeable();
    created.add(p);
    return p;
  }

  static final class Closeable implements MetricProvider {
    volatile boolean closed;

    @Override
    public String type() {
      return "prometheus";
    }

    @Override
    public ProviderResult run(MeasurementContext context) {
      return ProviderResult.observed(1.0, "1");
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
