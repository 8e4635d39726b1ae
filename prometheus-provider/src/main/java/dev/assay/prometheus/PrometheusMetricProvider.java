/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import dev.assay.model.Measurement;
import dev.assay.model.PrometheusMetric;
import dev.assay.prometheus.internal.HttpClients;
import dev.assay.prometheus.internal.PrometheusHttp;
import dev.assay.prometheus.internal.ProviderSettingsException;
import dev.assay.prometheus.internal.QueryException;
import dev.assay.prometheus.internal.QueryResponse;
import dev.assay.prometheus.internal.QuerySettings;
import dev.assay.prometheus.internal.QueryTimes;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.PreflightResult;
import dev.assay.spi.ProviderResult;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes measurements for {@code provider.prometheus} metrics as Argo Rollouts does: an instant query at the engine
 * clock's time ({@code POST /api/v1/query}, falling back to GET on 403, 405 or 501), or a range query when
 * {@code rangeQuery} is set. A scalar result is observed as a {@code Double}; a vector or matrix as a
 * {@code List<Double>} in response order (labels dropped, matrices flattened). Failures become Error measurements
 * with Argo's messages, secret values redacted.
 *
 * <p>Create it with {@link #builder()} (or {@link #create()} for the defaults): one provider holds one OkHttp
 * client, shared by all metrics; pass your own with {@link PrometheusMetricProviderBuilder#httpClient} to share a connection pool. Response
 * bodies are read as a stream and bounded ({@link #DEFAULT_MAX_RESPONSE_BYTES} by default).
 *
 * <p><b>Thread-safety:</b> thread-safe; the engine may call it concurrently.
 */
public final class PrometheusMetricProvider implements MetricProvider {
  /** The provider key served: {@code prometheus}. */
  public static final String TYPE = "prometheus";

  /** The name Argo Rollouts' provider reports as its type. */
  public static final String ARGO_TYPE = "Prometheus";

  /** The metric-result metadata key holding the resolved query (secrets redacted). */
  public static final String RESOLVED_QUERY_KEY = "ResolvedPrometheusQuery";

  /** The measurement metadata key holding the response's warnings. */
  public static final String WARNINGS_KEY = "warnings";

  /** Default bound on a response body: 4 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  private static final Logger logger = LoggerFactory.getLogger(PrometheusMetricProvider.class);

  private final HttpClients clients;
  private final PrometheusHttp http;
  private final String defaultAddress;
  private final Function<String, @Nullable String> environment;

  PrometheusMetricProvider(PrometheusMetricProviderBuilder b) {
    this.clients = b.clients();
    this.http = new PrometheusHttp(clients, b.maxResponseBytes());
    this.defaultAddress = b.defaultAddress();
    this.environment = b.environment();
  }

  /**
   * A provider with the defaults: its own OkHttp client, no default address (the metric's {@code address}, else
   * the environment variable {@code ARGO_ROLLOUTS_PROMETHEUS_ADDRESS}), a 4 MiB response bound.
   *
   * @return the provider; close it to release its client
   */
  public static PrometheusMetricProvider create() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static PrometheusMetricProviderBuilder builder() {
    return new PrometheusMetricProviderBuilder();
  }

  /** {@inheritDoc} Always {@value #TYPE}. */
  @Override
  public String type() {
    return TYPE;
  }

  /**
   * Runs the metric's query.
   *
   * @param context the call context
   * @return {@link ProviderResult.Observed} with the value, or {@link ProviderResult.Errored} with Argo's message
   */
  @Override
  public ProviderResult run(MeasurementContext context) {
    PrometheusMetric metric = context.metric().provider().prometheus();
    if (metric == null) {
      return ProviderResult.error("metric " + context.metric().name() + " has no prometheus provider");
    }
    try {
      QueryResponse response = query(metric, context);
      ProviderResult result = observe(response, context);
      logger.debug("Measured metric '{}': {}", context.metric().name(), result);
      return result;
    } catch (RuntimeException e) {
      // Settings and query failures carry Argo's text; anything unexpected still becomes a redacted Error here
      // rather than an exception whose message could hold a secret.
      String message = context.redact(describe(e));
      logger.debug("Metric '{}' failed: {}", context.metric().name(), message);
      return ProviderResult.error(message);
    }
  }

  private QueryResponse query(PrometheusMetric metric, MeasurementContext context) {
    QuerySettings settings = QuerySettings.resolve(metric, defaultAddress, environment);
    Map<String, String> form = metric.rangeQuery() == null
        ? QueryTimes.instant(metric.query(), context.now())
        : QueryTimes.range(metric.query(), metric.rangeQuery(), context.now());
    String endpoint = metric.rangeQuery() == null ? "query" : "query_range";
    return http.call(settings, endpoint, form, context.now());
  }

  /**
   * Runs the metric's query once, as a measurement would, to find out before the first interval whether the server
   * answers and the query parses (see {@code docs/preflight.md}). The answer's value is not judged: an empty vector
   * or any number passes.
   *
   * @param context the call context
   * @return passed, or failed naming the query (secrets redacted), the server and the cause (for example
   *     {@code bad_data: 1:14: parse error: unclosed left parenthesis}, or a connection refused)
   */
  @Override
  public PreflightResult preflight(MeasurementContext context) {
    PrometheusMetric metric = context.metric().provider().prometheus();
    if (metric == null) {
      return PreflightResult.failed("metric " + context.metric().name() + " has no prometheus provider");
    }
    String what = "query \"" + context.redact(metric.query()) + "\"";
    try {
      query(metric, context);
      return PreflightResult.passed(what + " answered");
    } catch (RuntimeException e) {
      return PreflightResult.failed(what + " failed: " + context.redact(describe(e)));
    }
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    if (e instanceof ProviderSettingsException || e instanceof QueryException) {
      return String.valueOf(message);
    }
    return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
  }

  private static ProviderResult observe(QueryResponse response, MeasurementContext context) {
    Object value;
    switch (response.resultType()) {
      case "scalar":
        value = response.values().getDouble(0);
        break;
      case "vector":
      case "matrix":
        value = response.values();
        break;
      default:
        return ProviderResult.error("Prometheus metric type not supported");
    }
    ProviderResult observed = ProviderResult.observed(value, response.display());
    if (response.warnings().isEmpty()) {
      return observed;
    }
    StringBuilder warnings = new StringBuilder();
    for (String w : response.warnings()) {
      if (warnings.length() > 0) {
        warnings.append(", ");
      }
      warnings.append('"').append(w).append('"');
    }
    return observed.withMetadata(Map.of(WARNINGS_KEY, context.redact(warnings.toString())));
  }

  /**
   * Leaves an in-flight measurement as it is, as Argo's Prometheus provider does (it never leaves one in flight).
   *
   * @param context the call context
   * @param inFlight the measurement
   * @return a pending result with the measurement's resume time and metadata
   */
  @Override
  public ProviderResult terminate(MeasurementContext context, Measurement inFlight) {
    return new ProviderResult.Pending(inFlight.resumeAt(), inFlight.metadata());
  }

  /**
   * The metric-result metadata: {@value #RESOLVED_QUERY_KEY}, the query with secret values redacted (absent when
   * the query is empty).
   *
   * @param context the call context
   * @return the metadata
   */
  @Override
  public Map<String, String> metadata(MeasurementContext context) {
    PrometheusMetric metric = context.metric().provider().prometheus();
    if (metric == null || metric.query().isEmpty()) {
      return Map.of();
    }
    return Map.of(RESOLVED_QUERY_KEY, context.redact(metric.query()));
  }

  /** Releases the OkHttp client's threads and connections if this provider created the client. */
  @Override
  public void close() {
    clients.close();
  }

  @Override
  public String toString() {
    return "PrometheusMetricProvider[defaultAddress=" + defaultAddress + "]";
  }
}
