/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split;

import dev.assay.spi.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a traffic-split check sends and how it decides: {@code requests} GET requests to {@code url} (the router's
 * entry point), each response classified by {@code classifier}, and the canary share tested at significance
 * {@code alpha} (docs/split-verification.md). Bounded: 1 to {@value #MAX_REQUESTS} requests, a total time budget, a
 * timeout per request, at most {@value #MAX_BODY_BYTES} bytes of each body read, a few requests at a time.
 *
 * <p>Header values are {@link Secret}s: they are sent, never printed ({@link #toString()} shows {@code *****}).
 * Immutable and thread-safe.
 *
 * @param url the entry point, {@code http} or {@code https}, without user info (put credentials in a header)
 * @param requests how many requests, 1 to {@value #MAX_REQUESTS}; default 100
 * @param classifier tells canary responses from stable ones
 * @param headers request headers sent with every request, by name
 * @param budget the most wall-clock time the whole check takes, positive, at most 10 minutes; requests not sent
 *     when it runs out count as failed; default 30 s
 * @param requestTimeout the most time one request (headers and the bounded body) takes, positive; default 2 s
 * @param concurrency how many requests are in flight at once, 1 to {@value #MAX_CONCURRENCY}; default 4
 * @param alpha the significance level: a split is called broken when the p-value is below it, above 0 and at most
 *     0.5; default {@value #DEFAULT_ALPHA}
 * @param maxFailedShare the share of requests that may fail or be unclassifiable before the verdict is
 *     inconclusive, 0 (inclusive) to 1 (exclusive); default 0.1
 */
public record SplitCheck(URI url, int requests, SplitClassifier classifier, Map<String, Secret> headers,
    Duration budget, Duration requestTimeout, int concurrency, double alpha, double maxFailedShare) {
  /** The most requests a check sends. */
  public static final int MAX_REQUESTS = 10_000;
  /** The most bytes of a response body read; the rest is not read. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  /** The most requests in flight at once. */
  public static final int MAX_CONCURRENCY = 16;
  /** The default significance level (docs/split-verification.md argues for it). */
  public static final double DEFAULT_ALPHA = 0.001;
  private static final Duration MAX_BUDGET = Duration.ofMinutes(10);

  /**
   * Validates and copies.
   *
   * @param url the entry point
   * @param requests how many requests
   * @param classifier the classifier
   * @param headers request headers
   * @param budget the total time budget
   * @param requestTimeout the per-request timeout
   * @param concurrency requests in flight at once
   * @param alpha the significance level
   * @param maxFailedShare the share of failed requests tolerated
   * @throws IllegalArgumentException naming the field that is out of range
   */
  public SplitCheck {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    headers = Map.copyOf(headers);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("url: " + url.getScheme() + "://... is not an http or https URL with a "
          + "host; give the router's entry point, such as http://checkout.shop/api/v1/version");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url: user info in the URL is not supported (it would be printed); send "
          + "credentials in a header instead");
    }
    if (requests < 1 || requests > MAX_REQUESTS) {
      throw new IllegalArgumentException("requests must be between 1 and " + MAX_REQUESTS + ", but was " + requests);
    }
    if (budget.isNegative() || budget.isZero() || budget.compareTo(MAX_BUDGET) > 0) {
      throw new IllegalArgumentException("budget must be positive and at most 10m, but was " + budget);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive, but was " + requestTimeout);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", but was "
          + concurrency);
    }
    if (!(alpha > 0 && alpha <= 0.5)) {
      throw new IllegalArgumentException("alpha must be above 0 and at most 0.5, but was " + alpha);
    }
    if (!(maxFailedShare >= 0 && maxFailedShare < 1)) {
      throw new IllegalArgumentException("maxFailedShare must be at least 0 and below 1, but was " + maxFailedShare);
    }
    for (Map.Entry<String, Secret> h : headers.entrySet()) {
      try {
        HttpRequest.newBuilder(url).header(h.getKey(), h.getValue().reveal());
      } catch (IllegalArgumentException e) {
        // The JDK's message may quote the value; say only which header.
        throw new IllegalArgumentException("header " + h.getKey() + " cannot be sent: the name is restricted by "
            + "java.net.http (such as Host or Content-Length) or the name or value holds characters HTTP forbids",
            null);
      }
    }
  }

  /**
   * A builder with the defaults: 100 requests, 30 s budget, 2 s per request, 4 at a time, alpha 0.001, 10% failures
   * tolerated, no headers.
   *
   * @param url the entry point, such as {@code http://checkout.shop/api/v1/version}
   * @param classifier tells canary responses from stable ones
   * @return the builder
   */
  public static Builder builder(URI url, SplitClassifier classifier) {
    return new Builder(url, classifier);
  }

  /** Builds a {@link SplitCheck}. Not thread-safe. */
  public static final class Builder {
    private final URI url;
    private final SplitClassifier classifier;
    private int requests = 100;
    private final Map<String, Secret> headers = new LinkedHashMap<>();
    private Duration budget = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(2);
    private int concurrency = 4;
    private double alpha = DEFAULT_ALPHA;
    private double maxFailedShare = 0.1;

    private Builder(URI url, SplitClassifier classifier) {
      this.url = Objects.requireNonNull(url, "url");
      this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /**
     * How many requests to send, 1 to {@value SplitCheck#MAX_REQUESTS}. Default 100.
     *
     * @param count the number of requests
     * @return this builder
     */
    public Builder requests(int count) {
      this.requests = count;
      return this;
    }

    /**
     * A request header, sent with every request and never printed.
     *
     * @param name the header name
     * @param value the value, such as a bearer token
     * @return this builder
     */
    public Builder header(String name, Secret value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * A request header; the value is kept as a {@link Secret} like every header value.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      return header(name, Secret.of(value));
    }

    /**
     * The most wall-clock time the whole check takes; requests not sent by then count as failed. Default 30 s.
     *
     * @param total the budget, positive, at most 10 minutes
     * @return this builder
     */
    public Builder budget(Duration total) {
      this.budget = Objects.requireNonNull(total, "total");
      return this;
    }

    /**
     * The most time one request takes, response headers and bounded body together. Default 2 s.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * How many requests are in flight at once, 1 to {@value SplitCheck#MAX_CONCURRENCY}. Default 4.
     *
     * @param inFlight the number
     * @return this builder
     */
    public Builder concurrency(int inFlight) {
      this.concurrency = inFlight;
      return this;
    }

    /**
     * The significance level: below it the split is called broken. Default {@value SplitCheck#DEFAULT_ALPHA}.
     *
     * @param level above 0, at most 0.5
     * @return this builder
     */
    public Builder alpha(double level) {
      this.alpha = level;
      return this;
    }

    /**
     * The share of requests that may fail or be unclassifiable before the verdict is inconclusive. Default 0.1.
     *
     * @param share 0 (inclusive) to 1 (exclusive)
     * @return this builder
     */
    public Builder maxFailedShare(double share) {
      this.maxFailedShare = share;
      return this;
    }

    /**
     * Builds the check.
     *
     * @return the check
     * @throws IllegalArgumentException naming the field that is out of range
     */
    public SplitCheck build() {
      return new SplitCheck(url, requests, classifier, headers, budget, requestTimeout, concurrency, alpha,
          maxFailedShare);
    }
  }
}
