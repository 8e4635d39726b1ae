/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A discoverable provider of type {@code test-series}: block {@code {test-series: {median: 150}}} yields 60 values
 * around that median. Public because ServiceLoader requires it.
 */
public final class SeriesFactory implements MetricProviderFactory {
  static final List<Series> created = new CopyOnWriteArrayList<>();

  /** Creates the factory (ServiceLoader needs a public no-argument constructor). */
  public SeriesFactory() {}

  @Override
  public String type() {
    return "test-series";
  }

  @Override
  public MetricProvider create(ProviderSettings settings) {
    Series s = new Series(settings);
    created.add(s);
    return s;
  }

  static final class Series implements MetricProvider {
    final ProviderSettings settings;
    volatile boolean closed;

    Series(ProviderSettings settings) {
      this.settings = settings;
    }

    @Override
    public String type() {
      return "test-series";
    }

    @Override
    public ProviderResult run(MeasurementContext context) {
      Map<?, ?> block = (Map<?, ?>) context.metric().provider().other().get("test-series");
      double median = Double.parseDouble(String.valueOf(block.get("median")));
      return ProviderResult.observed(Samples.around(median, 0.3, 60), "60 values");
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
