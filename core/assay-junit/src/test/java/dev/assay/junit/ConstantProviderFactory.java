/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import java.util.List;
import java.util.Map;

/** A discoverable provider type "constant" answering its block's {@code value} as a one-element vector. */
public final class ConstantProviderFactory implements MetricProviderFactory {
  @Override
  public String type() {
    return "constant";
  }

  @Override
  public MetricProvider create(ProviderSettings settings) {
    return new MetricProvider() {
      @Override
      public String type() {
        return "constant";
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        Map<?, ?> block = (Map<?, ?>) context.metric().provider().other().get("constant");
        double v = Double.parseDouble(String.valueOf(block.get("value")));
        return ProviderResult.observed(List.of(v), "[" + v + "]");
      }
    };
  }
}
