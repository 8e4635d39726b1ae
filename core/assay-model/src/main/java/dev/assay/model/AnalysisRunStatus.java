/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of an analysis run, in Argo Rollouts' shape. It is the persistence format: a controller that stores it
 * and hands it back later continues the run where it stopped.
 *
 * @param phase the run phase ({@link AnalysisPhase#NONE} for a new run)
 * @param message the run message; empty when none
 * @param metricResults one result per metric that has started, never null
 * @param startedAt when the run started, or null before the first evaluation
 * @param completedAt when the run completed, or null
 * @param runSummary counts over non-dry-run metrics, or null before the first assessment
 * @param dryRunSummary counts over dry-run metrics, or null before the first assessment
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AnalysisRunStatus(
    AnalysisPhase phase,
    String message,
    List<MetricResult> metricResults,
    @Nullable Instant startedAt,
    @Nullable Instant completedAt,
    @Nullable RunSummary runSummary,
    @Nullable RunSummary dryRunSummary) {

  /** The status of a run that has not been evaluated yet. */
  public static final AnalysisRunStatus NEW =
      new AnalysisRunStatus(AnalysisPhase.NONE, "", List.of(), null, null, null, null);

  /**
   * Normalises absent values and copies the results.
   *
   * @param phase the run phase ({@link AnalysisPhase#NONE} for a new run)
   * @param message the run message; empty when none
   * @param metricResults one result per metric that has started, never null
   * @param startedAt when the run started, or null before the first evaluation
   * @param completedAt when the run completed, or null
   * @param runSummary counts over non-dry-run metrics, or null before the first assessment
   * @param dryRunSummary counts over dry-run metrics, or null before the first assessment
   */
  public AnalysisRunStatus {
    phase = Objects.requireNonNullElse(phase, AnalysisPhase.NONE);
    message = Objects.requireNonNullElse(message, "");
    metricResults = metricResults == null ? List.of() : List.copyOf(metricResults);
  }

  /**
   * The result of a metric.
   *
   * @param metricName the metric name
   * @return the result, or empty when the metric has not started
   */
  public Optional<MetricResult> metricResult(String metricName) {
    for (MetricResult r : metricResults) {
      if (r.name().equals(metricName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
