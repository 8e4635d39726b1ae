/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.OAuth2Config;
import dev.assay.model.WebMetric;
import dev.assay.http.OAuth2TokenSource;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.PreflightResult;
import dev.assay.spi.ProviderResult;
import dev.assay.web.internal.GoJsonDecoder;
import dev.assay.web.internal.HttpExchange;
import dev.assay.web.internal.Redactor;
import dev.assay.web.internal.RequestPlan;
import dev.assay.web.internal.WebCallException;
import dev.assay.web.internal.WebClients;
import dev.assay.web.internal.jsonpath.GoJson;
import dev.assay.web.internal.jsonpath.JsonPathException;
import dev.assay.web.internal.jsonpath.JsonPathTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code web} metric provider: sends the metric's HTTP request and observes the value at its JSONPath (or the
 * raw body when the body is not JSON), with Argo Rollouts' semantics and messages (docs/argo-semantics.md §4.2).
 *
 * <p>Defaults: method {@code GET}; timeout 10 s when {@code timeoutSeconds <= 0} (whole exchange, token request and
 * redirects included); jsonPath {@code {$}}; at most {@value #DEFAULT_MAX_BODY_BYTES} body bytes; redirects followed
 * until the {@value #DEFAULT_MAX_REDIRECTS}th redirect answer; proxies from {@code HTTPS_PROXY}, {@code HTTP_PROXY} and
 * {@code NO_PROXY} (never with {@code insecure: true}, as in Argo).
 *
 * <p>Secret argument values, URL passwords, OAuth2 client secrets and tokens, and credential header values are
 * replaced by {@code *****} in every message, value text and metadata entry.
 *
 * <p>Thread-safe. {@link #close()} releases the HTTP client only when this provider created it.
 */
public final class WebMetricProvider implements MetricProvider {
  /** Default bound on the response body, in bytes (4 MiB). */
  public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
  /** Default number of redirect answers that ends the exchange with an error (Go's client: 10). */
  public static final int DEFAULT_MAX_REDIRECTS = 10;
  /** Timeout used when {@code timeoutSeconds} is 0 or negative, as in Argo. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** The measurement metadata key for warnings (the same key Argo's Prometheus provider uses). */
  public static final String WARNINGS = "warnings";

  private static final Logger logger = LoggerFactory.getLogger(WebMetricProvider.class);

  private final WebClients clients;
  private final HttpExchange exchange;

  private WebMetricProvider(Builder builder) {
    this.clients = new WebClients(builder.httpClient, builder.environment);
    this.exchange = new HttpExchange(builder.clock, builder.maxBodyBytes, builder.maxRedirects,
        new OAuth2TokenSource());
  }

  /**
   * A provider with the defaults: its own HTTP client, the system clock and environment.
   *
   * @return the provider
   */
  public static WebMetricProvider create() {
    return builder().build();
  }

  /**
   * A builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String type() {
    return "web";
  }

  @Override
  public ProviderResult run(MeasurementContext context) {
    Objects.requireNonNull(context, "context");
    WebMetric web = context.metric().provider().web();
    if (web == null) {
      return ProviderResult.error("metric " + context.metric().name() + " has no web provider block");
    }
    Redactor redactor = new Redactor(context.secretValues());
    try {
      return measure(web, redactor, context);
    } catch (WebCallException | JsonPathException e) {
      return ProviderResult.error(context.redact(redactor.redact(e.getMessage())));
    } catch (RuntimeException e) {
      // Library exceptions may quote URLs or header values: redact them here rather than let the engine record them.
      logger.debug("Web measurement of metric {} failed unexpectedly: {}", context.metric().name(),
          e.getClass().getName());
      return ProviderResult.error(context.redact(redactor.redact("web provider failed: " + e)));
    }
  }

  /**
   * Checks the metric without sending anything (see {@code docs/preflight.md}): the URL parses and its scheme is
   * http or https, the method, headers and body are valid, and the jsonPath compiles.
   *
   * @param context the call context
   * @return passed, or failed naming the URL (secrets redacted) and the cause
   */
  @Override
  public PreflightResult preflight(MeasurementContext context) {
    WebMetric web = context.metric().provider().web();
    if (web == null) {
      return PreflightResult.failed("metric " + context.metric().name() + " has no web provider block");
    }
    Redactor redactor = new Redactor(context.secretValues());
    String what = "url \"" + context.redact(redactor.redact(web.url())) + "\"";
    try {
      JsonPathTemplate.compile(web.jsonPath().isEmpty() ? "{$}" : web.jsonPath());
      RequestPlan.from(web, redactor);
      return PreflightResult.passed(what + " is valid");
    } catch (WebCallException | JsonPathException e) {
      return PreflightResult.failed(what + ": " + context.redact(redactor.redact(e.getMessage())));
    }
  }

  private ProviderResult measure(WebMetric web, Redactor redactor, MeasurementContext context) {
    JsonPathTemplate template = JsonPathTemplate.compile(web.jsonPath().isEmpty() ? "{$}" : web.jsonPath());
    RequestPlan plan = RequestPlan.from(web, redactor);
    OAuth2Config oauth2 = web.authentication() == null ? null : web.authentication().oauth2();
    if (oauth2 != null && oauth2.tokenUrl().isEmpty()) {
      oauth2 = null;
    }
    if (oauth2 != null && (oauth2.clientId().isEmpty() || oauth2.clientSecret().isEmpty())) {
      throw new WebCallException("missing mandatory parameter in metric for OAuth2 setup");
    }
    Duration timeout = timeoutOf(web);
    HttpExchange.Reply reply = exchange.execute(clients.forMetric(web.insecure()), plan, timeout, oauth2, redactor);

    Optional<JsonNode> document = GoJsonDecoder.decode(reply.body());
    if (document.isEmpty()) {
      String raw = new String(reply.body(), StandardCharsets.UTF_8);
      ProviderResult observed = ProviderResult.observed(raw, context.redact(redactor.redact(raw)));
      if (web.jsonPath().isEmpty() || web.jsonPath().equals("{$}")) {
        return observed;
      }
      return observed.withMetadata(Map.of(WARNINGS, "response body is not JSON; jsonPath "
          + context.redact(redactor.redact(web.jsonPath())) + " was not applied and the raw body is the result"));
    }
    Optional<JsonNode> value;
    try {
      value = template.firstValue(document.get());
    } catch (JsonPathException e) {
      throw new WebCallException("Could not find JSONPath in body: " + e.getMessage());
    }
    if (value.isEmpty()) {
      throw new WebCallException("result of web metric produced no value");
    }
    String display = context.redact(redactor.redact(GoJson.marshal(value.get())));
    return ProviderResult.observed(JsonPathTemplate.toJava(value.get()), display);
  }

  /** Argo's whole-exchange timeout: {@code timeoutSeconds}, or 10 s when it is 0 or negative. */
  static Duration timeoutOf(WebMetric web) {
    return web.timeoutSeconds() <= 0 ? DEFAULT_TIMEOUT : Duration.ofSeconds(web.timeoutSeconds());
  }

  @Override
  public void close() {
    clients.close();
  }

  @Override
  public String toString() {
    return "WebMetricProvider";
  }

  /** Builds a {@link WebMetricProvider}. Not thread-safe; each {@link #build()} gives an independent provider. */
  public static final class Builder {
    private @Nullable OkHttpClient httpClient;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private Clock clock = Clock.systemUTC();
    private Function<String, @Nullable String> environment = System::getenv;

    private Builder() {}

    /**
     * Shares an HTTP client (its connection pool and dispatcher) instead of creating one. The provider derives its
     * own settings from it (redirects, TLS for {@code insecure}, proxies, timeouts) and never closes it.
     *
     * @param client the client to share
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The largest response body accepted; a larger one makes the measurement Error.
     *
     * @param bytes the bound in bytes, at least 1 (default {@value WebMetricProvider#DEFAULT_MAX_BODY_BYTES})
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (Integer.MAX_VALUE - 8));
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * The number of redirect answers that ends the exchange with {@code stopped after N redirects}.
     *
     * @param count at least 1 (default {@value WebMetricProvider#DEFAULT_MAX_REDIRECTS}, as Go's client)
     * @return this builder
     */
    public Builder maxRedirects(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("maxRedirects must be at least 1");
      }
      this.maxRedirects = count;
      return this;
    }

    /**
     * The clock that measures the exchange deadline and OAuth2 token expiry.
     *
     * @param clock the clock (default {@link Clock#systemUTC()})
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where proxy variables ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY} and their lower-case forms)
     * are read from.
     *
     * @param environment a lookup returning null for unset names (default {@code System::getenv})
     * @return this builder
     */
    public Builder environment(Function<String, @Nullable String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public WebMetricProvider build() {
      return new WebMetricProvider(this);
    }
  }
}
