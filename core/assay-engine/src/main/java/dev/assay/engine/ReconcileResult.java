/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Reconciler#reconcile} step produced.
 *
 * @param run the run with its new status (store this status to persist progress)
 * @param nextReconcileAt when to evaluate again, or null when only an external event (a spec change, a Job status
 *     change) can move the run on; a time at or before the evaluation time means "right away"
 * @param measurements the measurements started, resumed or finished in this step, by metric name
 * @param ttlExpired whether the completed run's TTL has expired and the run should be deleted (docs/argo-semantics.md §2.12)
 * @param providerCallTimes real time each provider call of this step took, by metric name (a call that missed its
 *     deadline or could not run counts as the deadline); for monitoring
 */
public record ReconcileResult(AnalysisRun run, @Nullable Instant nextReconcileAt,
    Map<String, Measurement> measurements, boolean ttlExpired, Map<String, Duration> providerCallTimes) {
  /**
   * Validates and copies.
   *
   * @param run the run with its new status (store this status to persist progress)
   * @param nextReconcileAt when to evaluate again, or null when only an external event (a spec change, a Job status change) can move the run on; a time at or before the evaluation time means "right away"
   * @param measurements the measurements started, resumed or finished in this step, by metric name
   * @param ttlExpired whether the completed run's TTL has expired and the run should be deleted (docs/argo-semantics.md §2.12)
   * @param providerCallTimes real time each provider call of this step took, by metric name
   */
  public ReconcileResult {
    Objects.requireNonNull(run, "run");
    measurements = Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
    providerCallTimes = Collections.unmodifiableMap(new LinkedHashMap<>(providerCallTimes));
  }

  /**
   * A result without provider call times.
   *
   * @param run the run with its new status
   * @param nextReconcileAt when to evaluate again, or null
   * @param measurements the measurements taken in this step, by metric name
   * @param ttlExpired whether the completed run's TTL has expired
   */
  public ReconcileResult(AnalysisRun run, @Nullable Instant nextReconcileAt, Map<String, Measurement> measurements,
      boolean ttlExpired) {
    this(run, nextReconcileAt, measurements, ttlExpired, Map.of());
  }

  /**
   * The next evaluation time.
   *
   * @return the time, or empty when no time-based evaluation is needed
   */
  public Optional<Instant> next() {
    return Optional.ofNullable(nextReconcileAt);
  }
}
