/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
/**
 * Counts of metrics by outcome. {@code count} is the number of metrics, not of measurements.
 *
 * @param count metrics in this summary
 * @param successful metrics counted successful
 * @param failed metrics counted failed
 * @param inconclusive metrics counted inconclusive
 * @param error metrics counted error
 */
public record RunSummary(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int count,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int successful,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int failed,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int inconclusive,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int error) {
  /** An all-zero summary. */
  public static final RunSummary EMPTY = new RunSummary(0, 0, 0, 0, 0);
}
