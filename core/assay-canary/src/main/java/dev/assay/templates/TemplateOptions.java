/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.templates;

import java.util.Objects;

/** Typed options of the five canary templates. Each record's {@code DEFAULT} builds the shipped YAML exactly. */
public final class TemplateOptions {
  private TemplateOptions() {}

  /**
   * Options of {@code smoke-test}.
   *
   * @param count looks per check, at least 1
   * @param interval pause between looks (Go duration text)
   * @param consecutiveErrorLimit unanswered looks in a row tolerated
   * @param requestsMetric a metric name the canary's {@code /metrics} must contain
   */
  public record SmokeTest(int count, String interval, int consecutiveErrorLimit, String requestsMetric) {
    /** Three looks 20 s apart, 2 errors in a row tolerated, {@code http_requests_total} must be exposed. */
    public static final SmokeTest DEFAULT = new SmokeTest(3, "20s", 2, "http_requests_total");

    /**
     * Validates the components.
     *
     * @param count looks per check, at least 1
     * @param interval pause between looks (Go duration text)
     * @param consecutiveErrorLimit unanswered looks in a row tolerated
     * @param requestsMetric a metric name the canary's {@code /metrics} must contain
     */
    public SmokeTest {
      if (count < 1) {
        throw new IllegalArgumentException("count must be >= 1, but was " + count);
      }
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(requestsMetric, "requestsMetric");
    }
  }

  /**
   * Options of {@code error-rate-analysis}: error rate below {@code successBelow} succeeds, at or above
   * {@code failAtOrAbove} fails, in between is Inconclusive; the success rate must exceed {@code successRateAbove}
   * and fails at or below {@code successRateFailAtOrBelow}. Rates are fractions (0.05 = 5%). The canary's error
   * rate is also compared with stable's by the sequential proportion judge, which fails the canary once its rate is
   * shown to be more than {@code maxErrorIncreasePoints} percentage points above stable's.
   *
   * @param successBelow error-rate success limit
   * @param failAtOrAbove error-rate failure limit
   * @param successRateAbove success-rate success limit
   * @param successRateFailAtOrBelow success-rate failure limit
   * @param maxErrorIncreasePoints the judge's margin in percentage points, in (0, 100)
   * @param schedule count, interval and window
   * @param names metric names and Prometheus address
   */
  public record ErrorRate(double successBelow, double failAtOrAbove, double successRateAbove,
      double successRateFailAtOrBelow, double maxErrorIncreasePoints, Schedule schedule, MetricNames names) {
    /** Less than 5% succeeds, 10% or more fails; success rate above 95%; at most 1 point above stable. */
    public static final ErrorRate DEFAULT =
        new ErrorRate(0.05, 0.1, 0.95, 0.9, 1, Schedule.DEFAULT, MetricNames.DEFAULT);

    /**
     * Validates the components.
     *
     * @param successBelow error-rate success limit
     * @param failAtOrAbove error-rate failure limit
     * @param successRateAbove success-rate success limit
     * @param successRateFailAtOrBelow success-rate failure limit
     * @param maxErrorIncreasePoints the judge's margin in percentage points, in (0, 100)
     * @param schedule count, interval and window
     * @param names metric names and Prometheus address
     */
    public ErrorRate {
      if (!(maxErrorIncreasePoints > 0 && maxErrorIncreasePoints < 100)) {
        throw new IllegalArgumentException(
            "maxErrorIncreasePoints must be in (0, 100), but was " + maxErrorIncreasePoints);
      }
      if (failAtOrAbove < successBelow) {
        throw new IllegalArgumentException(
            "failAtOrAbove must be >= successBelow (" + successBelow + "), but was " + failAtOrAbove);
      }
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(names, "names");
    }
  }

  /**
   * Options of {@code latency-analysis}. Latencies are in seconds.
   *
   * @param p50BelowSeconds P50 limit
   * @param p99BelowSeconds P99 limit
   * @param maxSlowdownRatio the judge's margin as a ratio: 1.2 means the canary's P99 must be shown to be at most
   *     20% above stable's (statistical non-inferiority, see {@code dev.assay.judge})
   * @param failureLimit failed looks tolerated per metric
   * @param judgeLookback how far back the judge reads both P99 series, as Go duration text ({@code 10m})
   * @param judgeStep the series resolution, as Go duration text ({@code 15s})
   * @param schedule count, interval and window
   * @param names metric names and Prometheus address
   */
  public record Latency(double p50BelowSeconds, double p99BelowSeconds, double maxSlowdownRatio, int failureLimit,
      String judgeLookback, String judgeStep, Schedule schedule, MetricNames names) {
    /**
     * P50 under 100 ms, P99 under 500 ms, canary shown to be at most 20% slower than stable over the last 10
     * minutes at 15 s resolution, one bad look forgiven.
     */
    public static final Latency DEFAULT =
        new Latency(0.1, 0.5, 1.2, 1, "10m", "15s", Schedule.DEFAULT, MetricNames.DEFAULT);

    /**
     * Validates the components.
     *
     * @param p50BelowSeconds P50 limit
     * @param p99BelowSeconds P99 limit
     * @param maxSlowdownRatio the judge's margin as a ratio: 1.2 means the canary's P99 must be shown to be at most 20% above stable's (statistical non-inferiority, see {@code dev.assay.judge})
     * @param failureLimit failed looks tolerated per metric
     * @param judgeLookback how far back the judge reads both P99 series, as Go duration text ({@code 10m})
     * @param judgeStep the series resolution, as Go duration text ({@code 15s})
     * @param schedule count, interval and window
     * @param names metric names and Prometheus address
     */
    public Latency {
      if (!(maxSlowdownRatio > 1.0)) {
        throw new IllegalArgumentException("maxSlowdownRatio must be > 1, but was " + maxSlowdownRatio);
      }
      Objects.requireNonNull(judgeLookback, "judgeLookback");
      Objects.requireNonNull(judgeStep, "judgeStep");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(names, "names");
    }
  }

  /**
   * Options of {@code full-analysis}. Rates and usages are fractions.
   *
   * @param errorRateBelow error-rate limit
   * @param p99BelowSeconds P99 limit in seconds
   * @param memoryBelow memory working set over the memory limit
   * @param cpuBelow CPU usage over the CPU limit
   * @param schedule count, interval and window
   * @param names metric names and Prometheus address
   */
  public record FullAnalysis(double errorRateBelow, double p99BelowSeconds, double memoryBelow, double cpuBelow,
      Schedule schedule, MetricNames names) {
    /** Errors under 2%, P99 under 500 ms, no restarts, memory under 85% and CPU under 80% of limits. */
    public static final FullAnalysis DEFAULT =
        new FullAnalysis(0.02, 0.5, 0.85, 0.8, Schedule.DEFAULT, MetricNames.DEFAULT);

    /**
     * Validates the components.
     *
     * @param errorRateBelow error-rate limit
     * @param p99BelowSeconds P99 limit in seconds
     * @param memoryBelow memory working set over the memory limit
     * @param cpuBelow CPU usage over the CPU limit
     * @param schedule count, interval and window
     * @param names metric names and Prometheus address
     */
    public FullAnalysis {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(names, "names");
    }
  }

  /**
   * Options of {@code pre-promotion-analysis}.
   *
   * @param errorWindow how far back no 5xx may have happened (PromQL range, for example {@code 5m})
   * @param names metric names and Prometheus address
   */
  public record PrePromotion(String errorWindow, MetricNames names) {
    /** No errors in the last 5 minutes. */
    public static final PrePromotion DEFAULT = new PrePromotion("5m", MetricNames.DEFAULT);

    /**
     * Validates the components.
     *
     * @param errorWindow how far back no 5xx may have happened (PromQL range, for example {@code 5m})
     * @param names metric names and Prometheus address
     */
    public PrePromotion {
      Objects.requireNonNull(errorWindow, "errorWindow");
      Objects.requireNonNull(names, "names");
    }
  }
}
