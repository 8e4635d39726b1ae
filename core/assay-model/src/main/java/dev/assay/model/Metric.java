/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One metric of an analysis: what to measure, how often, and how to judge it. Field names and defaults are Argo
 * Rollouts' (docs/argo-semantics.md §1.4). Durations are kept as written (Go duration text such as {@code 1m30s}, or an
 * argument reference) because they are resolved and parsed at evaluation time.
 *
 * @param name unique name within the run
 * @param interval pause between measurements as Go duration text; empty means no repetition
 * @param initialDelay delay before the first measurement as Go duration text; empty means none
 * @param count number of non-Error measurements wanted, or null (see {@link #effectiveCount()})
 * @param successCondition condition-language expression; empty means absent
 * @param failureCondition condition-language expression; empty means absent
 * @param failureLimit Failed when {@code failed > failureLimit}; null means 0; -1 disables the check
 * @param inconclusiveLimit Inconclusive when {@code inconclusive > inconclusiveLimit}; null means 0
 * @param consecutiveErrorLimit Error when {@code consecutiveError > limit}; null means 4
 * @param consecutiveSuccessLimit when greater than 0, Successful once that many successes in a row; null means 0
 * @param provider the provider block
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Metric(
    String name,
    String interval,
    String initialDelay,
    @Nullable IntOrString count,
    String successCondition,
    String failureCondition,
    @Nullable IntOrString failureLimit,
    @Nullable IntOrString inconclusiveLimit,
    @Nullable IntOrString consecutiveErrorLimit,
    @Nullable IntOrString consecutiveSuccessLimit,
    ProviderSpec provider) {

  /** The value of {@link #effectiveCount()} for a metric that measures until a limit trips or the run ends. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** Default {@code consecutiveErrorLimit}. */
  public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;

  /**
   * Normalises absent strings to empty ones.
   *
   * @param name unique name within the run
   * @param interval pause between measurements as Go duration text; empty means no repetition
   * @param initialDelay delay before the first measurement as Go duration text; empty means none
   * @param count number of non-Error measurements wanted, or null (see {@link #effectiveCount()})
   * @param successCondition condition-language expression; empty means absent
   * @param failureCondition condition-language expression; empty means absent
   * @param failureLimit Failed when {@code failed > failureLimit}; null means 0; -1 disables the check
   * @param inconclusiveLimit Inconclusive when {@code inconclusive > inconclusiveLimit}; null means 0
   * @param consecutiveErrorLimit Error when {@code consecutiveError > limit}; null means 4
   * @param consecutiveSuccessLimit when greater than 0, Successful once that many successes in a row; null means 0
   * @param provider the provider block
   */
  public Metric {
    name = Objects.requireNonNullElse(name, "");
    interval = Objects.requireNonNullElse(interval, "");
    initialDelay = Objects.requireNonNullElse(initialDelay, "");
    successCondition = Objects.requireNonNullElse(successCondition, "");
    failureCondition = Objects.requireNonNullElse(failureCondition, "");
    provider = Objects.requireNonNullElse(provider, new ProviderSpec(null, null, null, null));
  }

  /**
   * Argo's effective count: the count when it is set and not 0; otherwise 1 without an interval and
   * {@link #UNBOUNDED} with one. A negative count behaves like 1 once one measurement is taken.
   *
   * @return the number of non-Error measurements to take, or {@link #UNBOUNDED}
   */
  public int effectiveCount() {
    int c = count == null ? 0 : count.intValue();
    if (c == 0) {
      return interval.isEmpty() ? 1 : UNBOUNDED;
    }
    return c;
  }

  /**
   * The failure limit, 0 when absent.
   *
   * @return the limit; -1 means disabled
   */
  public int failureLimitValue() {
    return failureLimit == null ? 0 : failureLimit.intValue();
  }

  /**
   * The inconclusive limit, 0 when absent.
   *
   * @return the limit
   */
  public int inconclusiveLimitValue() {
    return inconclusiveLimit == null ? 0 : inconclusiveLimit.intValue();
  }

  /**
   * The consecutive error limit, {@value #DEFAULT_CONSECUTIVE_ERROR_LIMIT} when absent.
   *
   * @return the limit
   */
  public int consecutiveErrorLimitValue() {
    return consecutiveErrorLimit == null ? DEFAULT_CONSECUTIVE_ERROR_LIMIT : consecutiveErrorLimit.intValue();
  }

  /**
   * The consecutive success limit, 0 (disabled) when absent.
   *
   * @return the limit
   */
  public int consecutiveSuccessLimitValue() {
    return consecutiveSuccessLimit == null ? 0 : consecutiveSuccessLimit.intValue();
  }

  /**
   * A builder for a metric with the given name.
   *
   * @param name the metric name
   * @return a new builder
   */
  public static MetricBuilder builder(String name) {
    return new MetricBuilder().name(name);
  }

  /**
   * A builder holding this metric's values.
   *
   * @return a new builder
   */
  public MetricBuilder toBuilder() {
    return new MetricBuilder()
        .name(name)
        .interval(interval)
        .initialDelay(initialDelay)
        .count(count)
        .successCondition(successCondition)
        .failureCondition(failureCondition)
        .failureLimit(failureLimit)
        .inconclusiveLimit(inconclusiveLimit)
        .consecutiveErrorLimit(consecutiveErrorLimit)
        .consecutiveSuccessLimit(consecutiveSuccessLimit)
        .provider(provider);
  }
}
