/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code prometheus} provider block of a metric.
 *
 * @param address the server URL; empty means the engine default or env {@code ARGO_ROLLOUTS_PROMETHEUS_ADDRESS}
 * @param query the PromQL query (after argument substitution when run)
 * @param timeout query timeout in seconds, or null for the default of 30 s; 0 means an immediate deadline (Argo)
 * @param insecure skip TLS verification
 * @param headers headers set on every request, never null
 * @param authentication authentication settings, or null
 * @param rangeQuery a range query window, or null for an instant query
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PrometheusMetric(
    String address,
    String query,
    @Nullable Long timeout,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean insecure,
    List<Header> headers,
    @Nullable Authentication authentication,
    @Nullable RangeQuery rangeQuery) {
  /**
   * Normalises absent values and copies the headers.
   *
   * @param address the server URL; empty means the engine default or env {@code ARGO_ROLLOUTS_PROMETHEUS_ADDRESS}
   * @param query the PromQL query (after argument substitution when run)
   * @param timeout query timeout in seconds, or null for the default of 30 s; 0 means an immediate deadline (Argo)
   * @param insecure skip TLS verification
   * @param headers headers set on every request, never null
   * @param authentication authentication settings, or null
   * @param rangeQuery a range query window, or null for an instant query
   */
  public PrometheusMetric {
    address = Objects.requireNonNullElse(address, "");
    query = Objects.requireNonNullElse(query, "");
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /**
   * An instant query against an address.
   *
   * @param address the server URL (may be empty)
   * @param query the PromQL query
   * @return the block
   */
  public static PrometheusMetric of(String address, String query) {
    return new PrometheusMetric(address, query, null, false, List.of(), null, null);
  }
}
