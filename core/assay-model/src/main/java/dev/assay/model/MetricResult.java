/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one metric in a run: its phase, lifetime counters and the most recent measurements (oldest first).
 * Counters are lifetime totals and are not reduced when old measurements are trimmed.
 *
 * @param name the metric name
 * @param phase the metric phase
 * @param measurements the retained measurements, oldest first, never null
 * @param message the metric message; empty when none
 * @param count non-Error completed measurements ({@code successful + failed + inconclusive})
 * @param successful Successful measurements
 * @param failed Failed measurements
 * @param inconclusive Inconclusive measurements
 * @param error Error measurements
 * @param consecutiveError Error measurements in a row
 * @param consecutiveSuccess Successful measurements in a row
 * @param dryRun whether the metric runs in dry-run mode
 * @param metadata provider data set when the result was created, never null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MetricResult(
    String name,
    AnalysisPhase phase,
    List<Measurement> measurements,
    String message,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int count,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int successful,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int failed,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int inconclusive,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int error,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int consecutiveError,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int consecutiveSuccess,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean dryRun,
    Map<String, String> metadata) {

  /**
   * Normalises absent values and copies the collections.
   *
   * @param name the metric name
   * @param phase the metric phase
   * @param measurements the retained measurements, oldest first, never null
   * @param message the metric message; empty when none
   * @param count non-Error completed measurements ({@code successful + failed + inconclusive})
   * @param successful Successful measurements
   * @param failed Failed measurements
   * @param inconclusive Inconclusive measurements
   * @param error Error measurements
   * @param consecutiveError Error measurements in a row
   * @param consecutiveSuccess Successful measurements in a row
   * @param dryRun whether the metric runs in dry-run mode
   * @param metadata provider data set when the result was created, never null
   */
  public MetricResult {
    name = Objects.requireNonNullElse(name, "");
    phase = Objects.requireNonNullElse(phase, AnalysisPhase.NONE);
    measurements = measurements == null ? List.of() : List.copyOf(measurements);
    message = Objects.requireNonNullElse(message, "");
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * A fresh result for a metric: phase Running, no measurements, zero counters.
   *
   * @param name the metric name
   * @param dryRun whether it runs in dry-run mode
   * @param metadata provider metadata
   * @return the result
   */
  public static MetricResult start(String name, boolean dryRun, Map<String, String> metadata) {
    return new MetricResult(name, AnalysisPhase.RUNNING, List.of(), "", 0, 0, 0, 0, 0, 0, 0, dryRun, metadata);
  }

  /**
   * The last (newest) measurement.
   *
   * @return the measurement, or empty when none was taken
   */
  public Optional<Measurement> lastMeasurement() {
    return measurements.isEmpty() ? Optional.empty() : Optional.of(measurements.get(measurements.size() - 1));
  }

  /**
   * A builder holding this result's values.
   *
   * @return a new builder
   */
  public MetricResultBuilder toBuilder() {
    return new MetricResultBuilder(this);
  }
}
