/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.PreflightResult;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import java.util.List;
import java.util.Map;

/**
 * A discoverable provider type "constant" answering its block's {@code value} (plus the setting {@code offset}, default
 * 0) as a one-element vector; its pre-flight check fails with the block's {@code preflightFailure} when not empty.
 */
public final class ConstantProviderFactory implements MetricProviderFactory {
  @Override
  public String type() {
    return "constant";
  }

  @Override
  public MetricProvider create(ProviderSettings settings) {
    double offset = Double.parseDouble(settings.get("offset").orElse("0"));
    return new MetricProvider() {
      @Override
      public String type() {
        return "constant";
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        Map<?, ?> block = (Map<?, ?>) context.metric().provider().other().get("constant");
        double v = Double.parseDouble(String.valueOf(block.get("value"))) + offset;
        return ProviderResult.observed(List.of(v), "[" + v + "]");
      }

      @Override
      public PreflightResult preflight(MeasurementContext context) {
        Map<?, ?> block = (Map<?, ?>) context.metric().provider().other().get("constant");
        Object failure = block.get("preflightFailure");
        return failure == null || String.valueOf(failure).isEmpty() ? PreflightResult.passed("constant")
            : PreflightResult.failed(String.valueOf(failure));
      }
    };
  }
}
