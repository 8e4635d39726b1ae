/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import dev.assay.prometheus.internal.HttpClients;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link PrometheusMetricProvider}. Every setting is optional. Not thread-safe; build once and share the
 * provider.
 */
public final class PrometheusMetricProviderBuilder {
  private @Nullable OkHttpClient httpClient;
  private String defaultAddress = "";
  private Function<String, @Nullable String> environment = System::getenv;
  private long maxResponseBytes = PrometheusMetricProvider.DEFAULT_MAX_RESPONSE_BYTES;

  PrometheusMetricProviderBuilder() {}

  /**
   * The OkHttp client whose connection pool and dispatcher the provider shares. The provider derives its own
   * clients from it (the metric's {@code timeout} replaces the client's read, write and call timeouts) and does not
   * close it. Default: a client the provider creates and closes.
   *
   * @param client the client
   * @return this builder
   */
  public PrometheusMetricProviderBuilder httpClient(OkHttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return this;
  }

  /**
   * The address used when a metric has none; it comes before the environment variable
   * {@code ARGO_ROLLOUTS_PROMETHEUS_ADDRESS}. Default: empty (none).
   *
   * @param address a URL such as {@code http://prometheus:9090}
   * @return this builder
   */
  public PrometheusMetricProviderBuilder defaultAddress(String address) {
    this.defaultAddress = Objects.requireNonNull(address, "address");
    return this;
  }

  /**
   * How environment variables are read (tests pass a map's {@code get}). Default: {@code System::getenv}.
   *
   * @param lookup returns the value of a variable, or null when unset
   * @return this builder
   */
  public PrometheusMetricProviderBuilder environment(Function<String, @Nullable String> lookup) {
    this.environment = Objects.requireNonNull(lookup, "lookup");
    return this;
  }

  /**
   * The largest response body read, in bytes; a larger body is an Error measurement. Default
   * {@link PrometheusMetricProvider#DEFAULT_MAX_RESPONSE_BYTES} (4 MiB).
   *
   * @param bytes the bound, at least 1
   * @return this builder
   * @throws IllegalArgumentException when {@code bytes < 1}
   */
  public PrometheusMetricProviderBuilder maxResponseBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be >= 1, but was " + bytes);
    }
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * Builds the provider.
   *
   * @return the provider
   */
  public PrometheusMetricProvider build() {
    return new PrometheusMetricProvider(this);
  }

  HttpClients clients() {
    OkHttpClient given = httpClient;
    return given == null ? new HttpClients(new OkHttpClient(), true) : new HttpClients(given, false);
  }

  String defaultAddress() {
    return defaultAddress;
  }

  Function<String, @Nullable String> environment() {
    return environment;
  }

  long maxResponseBytes() {
    return maxResponseBytes;
  }
}
