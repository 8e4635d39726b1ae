/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import dev.assay.model.Measurement;
import java.util.Map;

/**
 * Takes measurements for metrics of one provider type, with Argo Rollouts' provider lifecycle.
 *
 * <p>Synchronous providers (Prometheus, Web) answer in {@link #run}; asynchronous ones (Job) return
 * {@link ProviderResult.Pending} from {@code run} and are polled through {@link #resume} until they decide.
 *
 * <p><b>Thread-safety:</b> implementations must be thread-safe: the engine calls them concurrently for different
 * measurements. The engine enforces a per-call deadline and turns exceptions into Error measurements, so an
 * implementation may block (it should honour interruption) and may throw.
 */
public interface MetricProvider extends AutoCloseable {
  /**
   * The provider key this provider serves: the key of the metric's provider block, such as {@code "prometheus"},
   * {@code "web"}, {@code "job"}, or {@code "plugin/<name>"} for a plugin entry.
   *
   * @return the type
   */
  String type();

  /**
   * Starts a measurement.
   *
   * @param context the run, resolved metric, result so far and current time
   * @return the outcome
   * @throws Exception any failure; the engine records an Error measurement with its message
   */
  ProviderResult run(MeasurementContext context) throws Exception;

  /**
   * Checks, before the first measurement of a run, what can be checked without taking one: that the server answers,
   * that a query parses, that a URL is valid, that a cluster is reachable. Called once per metric when pre-flight is
   * on ({@code AnalysisEngineBuilder#preflight}; see {@code docs/preflight.md}) with the resolved metric (secrets
   * included) and the run's start time; a {@link PreflightResult#failed failed} result makes the run Error at once,
   * naming the metric and the cause, instead of after {@code consecutiveErrorLimit} retries. It must not change
   * anything (no Job created, no POST sent) and should be quick. The default has nothing to check.
   *
   * @param context the run, resolved metric and current time (its result has no measurements)
   * @return the outcome
   * @throws Exception any failure; the engine treats it as a failed check with the exception's message
   */
  default PreflightResult preflight(MeasurementContext context) throws Exception {
    return PreflightResult.notChecked();
  }

  /**
   * Polls an in-flight measurement. The default says it is still pending with no resume time (synchronous providers
   * never leave a measurement in flight).
   *
   * @param context the call context
   * @param inFlight the measurement being polled
   * @return the outcome
   * @throws Exception any failure; the engine records an Error measurement with its message
   */
  default ProviderResult resume(MeasurementContext context, Measurement inFlight) throws Exception {
    return ProviderResult.pending(inFlight.resumeAt());
  }

  /**
   * Stops an in-flight measurement because the run is terminating. The default reports it Successful, which the
   * engine records with the message {@code Metric Terminated} (Argo's behaviour for providers with nothing to stop).
   *
   * @param context the call context
   * @param inFlight the measurement to stop
   * @return the outcome, normally {@link ProviderResult.Decided}
   * @throws Exception any failure; the engine records an Error measurement with its message
   */
  default ProviderResult terminate(MeasurementContext context, Measurement inFlight) throws Exception {
    return ProviderResult.decided(dev.assay.model.AnalysisPhase.SUCCESSFUL, "");
  }

  /**
   * Releases what measurements beyond the newest {@code limit} hold (for example deletes old Kubernetes Jobs). The
   * default does nothing.
   *
   * @param context the call context (its result holds all measurements before trimming)
   * @param limit how many of the newest measurements are kept
   * @throws Exception any failure; the engine logs it and trims anyway
   */
  default void garbageCollect(MeasurementContext context, int limit) throws Exception {}

  /**
   * Metadata stored on the metric's result when it is created, such as Prometheus's
   * {@code ResolvedPrometheusQuery}. Secret values must be redacted. The default is empty.
   *
   * @param context the call context
   * @return the metadata, never null
   */
  default Map<String, String> metadata(MeasurementContext context) {
    return Map.of();
  }

  /** Releases resources this provider created (not those passed to it). The default does nothing. */
  @Override
  default void close() {}
}
