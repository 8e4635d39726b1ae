/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class WebProviderFactoryTest {

  @Test
  void isDiscoverableThroughServiceLoader() {
    assertThat(ServiceLoader.load(MetricProviderFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(WebProviderFactory.class);
  }

  @Test
  void createsWebProvidersWithSettings() {
    WebProviderFactory factory = new WebProviderFactory();
    assertThat(factory.type()).isEqualTo("web");
    try (MetricProvider provider = factory.create(ProviderSettings.of(Map.of("maxBodyBytes", "2048",
        "maxRedirects", "3")))) {
      assertThat(provider).isInstanceOf(WebMetricProvider.class);
      assertThat(provider.type()).isEqualTo("web");
    }
  }

  @Test
  void rejectsBadNumbers() {
    assertThatThrownBy(() -> new WebProviderFactory().create(ProviderSettings.of(Map.of("maxRedirects", "ten"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRedirects");
    assertThatThrownBy(() -> new WebProviderFactory().create(ProviderSettings.of(Map.of("maxRedirects", "0"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
