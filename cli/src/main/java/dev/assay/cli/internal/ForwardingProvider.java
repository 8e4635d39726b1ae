/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.Measurement;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.Map;

/**
 * A provider that forwards every call to another, with two hooks: {@link #context} rewrites what the delegate is
 * asked, {@link #observed} rewrites what {@code run} answers. The command line's decorators ({@link AddressOverride},
 * {@link SeriesRecorder}) override only the hook they need.
 */
abstract class ForwardingProvider implements MetricProvider {
  private final MetricProvider delegate;

  ForwardingProvider(MetricProvider delegate) {
    this.delegate = delegate;
  }

  /** The context the delegate sees; unchanged by default. */
  MeasurementContext context(MeasurementContext context) {
    return context;
  }

  /** What {@code run} returns; the delegate's result by default. */
  ProviderResult observed(ProviderResult result) {
    return result;
  }

  @Override
  public final String type() {
    return delegate.type();
  }

  @Override
  public final ProviderResult run(MeasurementContext context) throws Exception {
    return observed(delegate.run(context(context)));
  }

  @Override
  public final ProviderResult resume(MeasurementContext context, Measurement inFlight) throws Exception {
    return delegate.resume(context(context), inFlight);
  }

  @Override
  public final ProviderResult terminate(MeasurementContext context, Measurement inFlight) throws Exception {
    return delegate.terminate(context(context), inFlight);
  }

  @Override
  public final void garbageCollect(MeasurementContext context, int limit) throws Exception {
    delegate.garbageCollect(context(context), limit);
  }

  @Override
  public final Map<String, String> metadata(MeasurementContext context) {
    return delegate.metadata(context(context));
  }

  @Override
  public final void close() {
    delegate.close();
  }
}
