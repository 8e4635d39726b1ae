/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.spi.MetricProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the provider that serves a provider key ({@code "prometheus"}, {@code "web"}, ...), for the judge's canary
 * and baseline series. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ProviderLookup {
  /**
   * The provider for a key.
   *
   * @param type the provider key, as {@link MetricProvider#type()}
   * @return the provider, or empty when none is registered
   */
  Optional<MetricProvider> find(String type);

  /**
   * A fixed lookup over some providers, keyed by their {@link MetricProvider#type()}; a later provider of the same
   * type wins.
   *
   * @param providers the providers (copied)
   * @return the lookup
   */
  static ProviderLookup of(Collection<? extends MetricProvider> providers) {
    Map<String, MetricProvider> byType = new LinkedHashMap<>();
    for (MetricProvider p : Objects.requireNonNull(providers, "providers")) {
      byType.put(Objects.requireNonNull(p.type(), "type()"), p);
    }
    Map<String, MetricProvider> fixed = Map.copyOf(byType);
    return type -> Optional.ofNullable(fixed.get(type));
  }
}
