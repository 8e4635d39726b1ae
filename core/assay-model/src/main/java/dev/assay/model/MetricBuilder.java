/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Metric}. Not thread-safe; {@link #build()} may be called more than once. */
public final class MetricBuilder {
  private String name = "";
  private String interval = "";
  private String initialDelay = "";
  private @Nullable IntOrString count;
  private String successCondition = "";
  private String failureCondition = "";
  private @Nullable IntOrString failureLimit;
  private @Nullable IntOrString inconclusiveLimit;
  private @Nullable IntOrString consecutiveErrorLimit;
  private @Nullable IntOrString consecutiveSuccessLimit;
  private @Nullable ProviderSpec provider;

  MetricBuilder() {}

  /**
   * Sets the name.
   *
   * @param name the metric name
   * @return this builder
   */
  public MetricBuilder name(String name) {
    this.name = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Sets the interval as Go duration text, for example {@code "5m"}.
   *
   * @param interval the interval; empty for none
   * @return this builder
   */
  public MetricBuilder interval(String interval) {
    this.interval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  /**
   * Sets the initial delay as Go duration text.
   *
   * @param initialDelay the delay; empty for none
   * @return this builder
   */
  public MetricBuilder initialDelay(String initialDelay) {
    this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
    return this;
  }

  /**
   * Sets the count.
   *
   * @param count the count, or null to unset
   * @return this builder
   */
  public MetricBuilder count(@Nullable IntOrString count) {
    this.count = count;
    return this;
  }

  /**
   * Sets the count.
   *
   * @param count the count
   * @return this builder
   */
  public MetricBuilder count(int count) {
    return count(IntOrString.of(count));
  }

  /**
   * Sets the success condition.
   *
   * @param condition the expression; empty for none
   * @return this builder
   */
  public MetricBuilder successCondition(String condition) {
    this.successCondition = Objects.requireNonNull(condition, "successCondition");
    return this;
  }

  /**
   * Sets the failure condition.
   *
   * @param condition the expression; empty for none
   * @return this builder
   */
  public MetricBuilder failureCondition(String condition) {
    this.failureCondition = Objects.requireNonNull(condition, "failureCondition");
    return this;
  }

  /**
   * Sets the failure limit.
   *
   * @param limit the limit, or null for the default of 0
   * @return this builder
   */
  public MetricBuilder failureLimit(@Nullable IntOrString limit) {
    this.failureLimit = limit;
    return this;
  }

  /**
   * Sets the failure limit.
   *
   * @param limit the limit; -1 disables the check
   * @return this builder
   */
  public MetricBuilder failureLimit(int limit) {
    return failureLimit(IntOrString.of(limit));
  }

  /**
   * Sets the inconclusive limit.
   *
   * @param limit the limit, or null for the default of 0
   * @return this builder
   */
  public MetricBuilder inconclusiveLimit(@Nullable IntOrString limit) {
    this.inconclusiveLimit = limit;
    return this;
  }

  /**
   * Sets the inconclusive limit.
   *
   * @param limit the limit
   * @return this builder
   */
  public MetricBuilder inconclusiveLimit(int limit) {
    return inconclusiveLimit(IntOrString.of(limit));
  }

  /**
   * Sets the consecutive error limit.
   *
   * @param limit the limit, or null for the default of 4
   * @return this builder
   */
  public MetricBuilder consecutiveErrorLimit(@Nullable IntOrString limit) {
    this.consecutiveErrorLimit = limit;
    return this;
  }

  /**
   * Sets the consecutive error limit.
   *
   * @param limit the limit
   * @return this builder
   */
  public MetricBuilder consecutiveErrorLimit(int limit) {
    return consecutiveErrorLimit(IntOrString.of(limit));
  }

  /**
   * Sets the consecutive success limit.
   *
   * @param limit the limit, or null for the default of 0 (disabled)
   * @return this builder
   */
  public MetricBuilder consecutiveSuccessLimit(@Nullable IntOrString limit) {
    this.consecutiveSuccessLimit = limit;
    return this;
  }

  /**
   * Sets the consecutive success limit.
   *
   * @param limit the limit
   * @return this builder
   */
  public MetricBuilder consecutiveSuccessLimit(int limit) {
    return consecutiveSuccessLimit(IntOrString.of(limit));
  }

  /**
   * Sets the provider block.
   *
   * @param provider the provider
   * @return this builder
   */
  public MetricBuilder provider(ProviderSpec provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
    return this;
  }

  /**
   * Builds the metric.
   *
   * @return the metric
   * @throws IllegalStateException when the name or the provider is missing
   */
  public Metric build() {
    if (name.isEmpty()) {
      throw new IllegalStateException("Missing required field: name");
    }
    if (provider == null) {
      throw new IllegalStateException("Missing required field: provider (metric " + name + ")");
    }
    return new Metric(name, interval, initialDelay, count, successCondition, failureCondition, failureLimit,
        inconclusiveLimit, consecutiveErrorLimit, consecutiveSuccessLimit, provider);
  }
}
