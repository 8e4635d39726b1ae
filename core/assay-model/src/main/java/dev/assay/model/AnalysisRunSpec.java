/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of an {@code AnalysisRun}. Metrics keep their {@code {{args.x}}} references; they are resolved at every
 * evaluation.
 *
 * @param metrics the metrics, never null
 * @param args merged arguments, never null
 * @param terminate asks the run to stop early
 * @param dryRun dry-run rules, never null
 * @param measurementRetention retention rules, never null
 * @param ttlStrategy when to delete the completed run, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AnalysisRunSpec(
    List<Metric> metrics,
    List<Argument> args,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean terminate,
    List<DryRun> dryRun,
    List<MeasurementRetention> measurementRetention,
    @Nullable TtlStrategy ttlStrategy) {
  /**
   * Copies the lists.
   *
   * @param metrics the metrics, never null
   * @param args merged arguments, never null
   * @param terminate asks the run to stop early
   * @param dryRun dry-run rules, never null
   * @param measurementRetention retention rules, never null
   * @param ttlStrategy when to delete the completed run, or null
   */
  public AnalysisRunSpec {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    args = args == null ? List.of() : List.copyOf(args);
    dryRun = dryRun == null ? List.of() : List.copyOf(dryRun);
    measurementRetention = measurementRetention == null ? List.of() : List.copyOf(measurementRetention);
  }

  /**
   * A copy with {@code terminate} set.
   *
   * @param terminate the new value
   * @return the copy
   */
  public AnalysisRunSpec withTerminate(boolean terminate) {
    return new AnalysisRunSpec(metrics, args, terminate, dryRun, measurementRetention, ttlStrategy);
  }
}
