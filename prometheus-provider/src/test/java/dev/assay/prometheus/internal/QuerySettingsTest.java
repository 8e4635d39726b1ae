/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.OAuth2Config;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.Sigv4Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerySettingsTest {
  private static final Map<String, String> NO_ENV = Map.of();

  private static PrometheusMetric metric(String address, Long timeout, Authentication auth) {
    return new PrometheusMetric(address, "up", timeout, false, List.of(), auth, null);
  }

  private static QuerySettings resolve(PrometheusMetric m, String defaultAddress, Map<String, String> env) {
    return QuerySettings.resolve(m, defaultAddress, env::get);
  }

  @Test
  void resolve_addressFallbacks_metricThenDefaultThenEnvironment() {
    Map<String, String> env = Map.of(QuerySettings.ADDRESS_ENV, "http://env:9090");
    assertThat(resolve(metric("http://m:1", null, null), "http://d:2", env).address()).hasToString("http://m:1");
    assertThat(resolve(metric("", null, null), "http://d:2", env).address()).hasToString("http://d:2");
    assertThat(resolve(metric("", null, null), "", env).address()).hasToString("http://env:9090");
    assertThatThrownBy(() -> resolve(metric("", null, null), "", NO_ENV))
        .hasMessage("prometheus address is not configured");
  }

  @Test
  void resolve_addressNotAUrl_argoMessage() {
    for (String bad : List.of(":invalid::url", "no-scheme", "http://", "http:///path")) {
      assertThatThrownBy(() -> resolve(metric(bad, null, null), "", NO_ENV)).as(bad)
          .isInstanceOf(ProviderSettingsException.class).hasMessage("prometheus address is not is url format");
    }
  }

  @Test
  void resolve_timeout_defaultsTo30sAndRejectsNegative() {
    assertThat(resolve(metric("http://p", null, null), "", NO_ENV).timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(resolve(metric("http://p", 5L, null), "", NO_ENV).timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(resolve(metric("http://p", 0L, null), "", NO_ENV).timeout()).isZero();
    assertThatThrownBy(() -> resolve(metric("http://p", -1L, null), "", NO_ENV))
        .hasMessage("prometheus timeout should not be negative");
  }

  @Test
  void resolve_basicAuth_bothFieldsRequiredWhenEitherSet() {
    assertThatThrownBy(() -> resolve(metric("http://p", null,
        new Authentication(new BasicAuth("", "pw"), null, null)), "", NO_ENV))
        .hasMessage("missing mandatory parameter in metric for basic auth setup: username");
    assertThatThrownBy(() -> resolve(metric("http://p", null,
        new Authentication(new BasicAuth("u", ""), null, null)), "", NO_ENV))
        .hasMessage("missing mandatory parameter in metric for basic auth setup: password");
    assertThat(resolve(metric("http://p", null, new Authentication(new BasicAuth("", ""), null, null)), "", NO_ENV)
        .basicAuth()).isNull();
  }

  @Test
  void resolve_oauth2_activeOnlyWithTokenUrl() {
    OAuth2Config noUrl = new OAuth2Config("", "id", "", List.of());
    assertThat(resolve(metric("http://p", null, new Authentication(null, noUrl, null)), "", NO_ENV).oauth2())
        .isNull();
    OAuth2Config full = new OAuth2Config("http://t", "id", "secret", List.of());
    assertThat(resolve(metric("http://p", null, new Authentication(null, full, null)), "", NO_ENV).oauth2())
        .isEqualTo(full);
  }

  @Test
  void resolve_sigv4_rejectedOnlyForAmpAddresses() {
    Authentication sigv4 = new Authentication(null, null, new Sigv4Config("eu-west-1", "", ""));
    assertThat(resolve(metric("http://p", null, sigv4), "", NO_ENV).address()).hasToString("http://p");
    assertThatThrownBy(() -> resolve(metric(
        "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1", null, sigv4), "", NO_ENV))
        .hasMessageStartingWith("sigv4 authentication is not supported by Assay");
  }

  @Test
  void toString_settingsWithCredentials_showsNoSecret() {
    QuerySettings s = resolve(metric("http://p", null, new Authentication(new BasicAuth("u", "hunter2"),
        new OAuth2Config("http://t", "id", "s3cr3t", List.of()), null)), "", NO_ENV);
    assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t");
  }
}
