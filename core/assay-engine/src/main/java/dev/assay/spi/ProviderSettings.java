/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Engine-level settings handed to a {@link MetricProviderFactory}: plain string properties such as
 * {@code "timeout" -> "30s"}. Per-metric settings live in the metric's provider block, not here.
 *
 * <p>{@link #toString()} shows the keys only, because values may be credentials.
 *
 * @param properties the properties, never null
 */
public record ProviderSettings(Map<String, String> properties) {
  private static final ProviderSettings EMPTY = new ProviderSettings(Map.of());

  /**
   * Copies the properties.
   *
   * @param properties the properties, never null
   */
  public ProviderSettings {
    properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
  }

  /**
   * Settings with no properties.
   *
   * @return the empty settings
   */
  public static ProviderSettings empty() {
    return EMPTY;
  }

  /**
   * Settings with the given properties.
   *
   * @param properties the properties (copied)
   * @return the settings
   */
  public static ProviderSettings of(Map<String, String> properties) {
    return new ProviderSettings(properties);
  }

  /**
   * One property.
   *
   * @param key the key
   * @return the value, or empty when not set
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(properties.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public String toString() {
    return "ProviderSettings" + new TreeMap<>(properties).keySet();
  }
}
