/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one evaluation of a run cost, for monitoring (see {@link AnalysisListener#onEvaluated}). Two kinds of time
 * appear here on purpose: {@code dueAt} and {@code startedAt} come from the engine's clock (virtual under a
 * {@code ManualClock}), so the scheduling lag is exact in tests; {@code elapsed} and the provider call times are real
 * elapsed time ({@link System#nanoTime()}), because a slow reconcile or provider is slow in real time whatever the
 * clock says.
 *
 * @param dueAt when the evaluation was due, by the engine clock
 * @param startedAt when it started, by the engine clock (the evaluation time)
 * @param elapsed real time the evaluation took, provider calls included
 * @param failed whether the reconcile step threw (a bug; the engine logs it and retries after 10 seconds)
 * @param providerCalls real time of each provider call made in this evaluation, by metric name; a call that missed
 *     the engine's call deadline, or could not run at all, counts as the deadline; metrics with no provider call
 *     are absent
 */
public record EvaluationTiming(Instant dueAt, Instant startedAt, Duration elapsed, boolean failed,
    Map<String, Duration> providerCalls) {
  /**
   * Validates and copies.
   *
   * @param dueAt when the evaluation was due, by the engine clock
   * @param startedAt when it started, by the engine clock
   * @param elapsed real time the evaluation took
   * @param failed whether the reconcile step threw
   * @param providerCalls real time of each provider call, by metric name
   */
  public EvaluationTiming {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(elapsed, "elapsed");
    providerCalls = Collections.unmodifiableMap(new LinkedHashMap<>(providerCalls));
  }

  /**
   * How late the evaluation started: {@code startedAt - dueAt}, never negative. Zero under a {@code ManualScheduler};
   * with real threads it grows when the scheduler threads are busy.
   *
   * @return the lag
   */
  public Duration schedulingLag() {
    Duration lag = Duration.between(dueAt, startedAt);
    return lag.isNegative() ? Duration.ZERO : lag;
  }
}
