/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of an {@code AnalysisTemplate} or {@code ClusterAnalysisTemplate}.
 *
 * @param metrics the metrics, never null (may be empty when {@code templates} is set)
 * @param args declared arguments, never null
 * @param dryRun dry-run rules, never null
 * @param measurementRetention retention rules, never null
 * @param templates nested template references, never null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AnalysisTemplateSpec(
    List<Metric> metrics,
    List<Argument> args,
    List<DryRun> dryRun,
    List<MeasurementRetention> measurementRetention,
    List<TemplateRef> templates) {
  /**
   * Copies the lists.
   *
   * @param metrics the metrics, never null (may be empty when {@code templates} is set)
   * @param args declared arguments, never null
   * @param dryRun dry-run rules, never null
   * @param measurementRetention retention rules, never null
   * @param templates nested template references, never null
   */
  public AnalysisTemplateSpec {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    args = args == null ? List.of() : List.copyOf(args);
    dryRun = dryRun == null ? List.of() : List.copyOf(dryRun);
    measurementRetention = measurementRetention == null ? List.of() : List.copyOf(measurementRetention);
    templates = templates == null ? List.of() : List.copyOf(templates);
  }
}
