/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;

/**
 * Creates {@link WebMetricProvider}s for {@link java.util.ServiceLoader} discovery. Recognised settings:
 * {@value #MAX_BODY_BYTES} (bytes, default 4 MiB) and {@value #MAX_REDIRECTS} (default 10); other keys are
 * ignored. Thread-safe.
 */
public final class WebProviderFactory implements MetricProviderFactory {
  /** Setting key for {@link WebMetricProvider.Builder#maxBodyBytes(long)}. */
  public static final String MAX_BODY_BYTES = "maxBodyBytes";
  /** Setting key for {@link WebMetricProvider.Builder#maxRedirects(int)}. */
  public static final String MAX_REDIRECTS = "maxRedirects";

  /** Creates the factory (for {@link java.util.ServiceLoader}). */
  public WebProviderFactory() {}

  @Override
  public String type() {
    return "web";
  }

  /**
   * Creates a provider with its own HTTP client, the system clock and environment.
   *
   * @param settings optional {@value #MAX_BODY_BYTES} and {@value #MAX_REDIRECTS}
   * @return the provider
   * @throws IllegalArgumentException when a setting is not a valid number
   */
  @Override
  public MetricProvider create(ProviderSettings settings) {
    WebMetricProvider.Builder builder = WebMetricProvider.builder();
    settings.get(MAX_BODY_BYTES).ifPresent(v -> builder.maxBodyBytes(parse(MAX_BODY_BYTES, v)));
    settings.get(MAX_REDIRECTS).ifPresent(v -> builder.maxRedirects((int) parse(MAX_REDIRECTS, v)));
    return builder.build();
  }

  private static long parse(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("web provider setting " + key + " must be a whole number, but was "
          + value, e);
    }
  }

  @Override
  public String toString() {
    return "WebProviderFactory";
  }
}
