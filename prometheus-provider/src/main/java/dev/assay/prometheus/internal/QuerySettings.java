/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Header;
import dev.assay.model.OAuth2Config;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.Sigv4Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Prometheus metric's connection settings, checked as Argo's {@code NewPrometheusAPI} checks them.
 *
 * @param address the server address (scheme and host present)
 * @param timeout the whole-query deadline; zero means every query fails at once, as in Argo
 * @param insecure whether TLS verification is skipped
 * @param headers headers set on every request, in order
 * @param basicAuth basic-auth credentials, or null
 * @param oauth2 OAuth2 client-credentials settings, or null
 */
public record QuerySettings(
    URI address,
    Duration timeout,
    boolean insecure,
    List<Header> headers,
    @Nullable BasicAuth basicAuth,
    @Nullable OAuth2Config oauth2) {

  /** Argo's default timeout when the metric sets none. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The environment variable Argo reads when the metric has no address. */
  public static final String ADDRESS_ENV = "ARGO_ROLLOUTS_PROMETHEUS_ADDRESS";

  /**
   * Validates and copies.
   *
   * @param address the server address (scheme and host present)
   * @param timeout the whole-query deadline; zero means every query fails at once, as in Argo
   * @param insecure whether TLS verification is skipped
   * @param headers headers set on every request, in order
   * @param basicAuth basic-auth credentials, or null
   * @param oauth2 OAuth2 client-credentials settings, or null
   */
  public QuerySettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(timeout, "timeout");
    headers = List.copyOf(headers);
  }

  @Override
  public String toString() {
    return "QuerySettings[address=" + address + ", timeout=" + timeout + ", insecure=" + insecure + "]";
  }

  /**
   * Checks a metric's settings.
   *
   * @param metric the metric's Prometheus block
   * @param defaultAddress the engine-level default address, or empty
   * @param environment the environment lookup (returns null for unset)
   * @return the settings
   * @throws ProviderSettingsException with Argo's message when a setting is unusable
   */
  public static QuerySettings resolve(
      PrometheusMetric metric, String defaultAddress, Function<String, @Nullable String> environment) {
    URI address = address(metric.address(), defaultAddress, environment);
    Authentication auth = metric.authentication();
    BasicAuth basic = auth == null ? null : auth.basicAuth();
    if (basic != null && (!basic.username().isEmpty() || !basic.password().isEmpty())) {
      if (basic.username().isEmpty()) {
        throw new ProviderSettingsException("missing mandatory parameter in metric for basic auth setup: username");
      }
      if (basic.password().isEmpty()) {
        throw new ProviderSettingsException("missing mandatory parameter in metric for basic auth setup: password");
      }
    } else {
      basic = null;
    }
    OAuth2Config oauth2 = auth == null ? null : auth.oauth2();
    if (oauth2 != null && !oauth2.tokenUrl().isEmpty()) {
      if (oauth2.clientId().isEmpty() || oauth2.clientSecret().isEmpty()) {
        throw new ProviderSettingsException("missing mandatory parameter in metric for OAuth2 setup");
      }
    } else {
      oauth2 = null;
    }
    Sigv4Config sigv4 = auth == null ? null : auth.sigv4();
    if (sigv4 != null && address.toString().contains("aps-workspaces")
        && !(sigv4.region().isEmpty() && sigv4.profile().isEmpty() && sigv4.roleArn().isEmpty())) {
      throw new ProviderSettingsException(
          "sigv4 authentication is not supported by Assay; use a SigV4 proxy in front of Amazon Managed Prometheus");
    }
    Long seconds = metric.timeout();
    if (seconds != null && seconds < 0) {
      throw new ProviderSettingsException("prometheus timeout should not be negative");
    }
    Duration timeout = seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds);
    return new QuerySettings(address, timeout, metric.insecure(), metric.headers(), basic, oauth2);
  }

  private static URI address(
      String fromMetric, String defaultAddress, Function<String, @Nullable String> environment) {
    String address = fromMetric;
    if (address.isEmpty()) {
      address = defaultAddress;
    }
    if (address.isEmpty()) {
      address = Objects.requireNonNullElse(environment.apply(ADDRESS_ENV), "");
    }
    if (address.isEmpty()) {
      throw new ProviderSettingsException("prometheus address is not configured");
    }
    try {
      URI uri = new URI(address);
      if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
        throw new ProviderSettingsException("prometheus address is not is url format");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ProviderSettingsException("prometheus address is not is url format");
    }
  }
}
