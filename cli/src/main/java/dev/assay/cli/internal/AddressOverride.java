/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;

/**
 * {@code --prometheus URL}: sends every Prometheus query of a run to one server, whatever address the template
 * names (the shipped templates default to an in-cluster address). Judge series go through it too, because the
 * judge looks its series providers up in the same set.
 */
final class AddressOverride extends ForwardingProvider {
  private final String address;

  AddressOverride(MetricProvider delegate, String address) {
    super(delegate);
    this.address = address;
  }

  @Override
  MeasurementContext context(MeasurementContext context) {
    PrometheusMetric p = context.metric().provider().prometheus();
    if (p == null) {
      return context;
    }
    PrometheusMetric moved = new PrometheusMetric(address, p.query(), p.timeout(), p.insecure(), p.headers(),
        p.authentication(), p.rangeQuery());
    Metric metric = context.metric().toBuilder().provider(ProviderSpec.of(moved)).build();
    return context.withMetric(metric);
  }
}
