/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * How many measurements to keep for metrics whose name matches {@code metricName} (an unanchored regular expression).
 *
 * @param metricName the regular expression
 * @param limit how many of the newest measurements to keep; 0 or less means the default of 10
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeasurementRetention(String metricName, int limit) {
  /**
   * Validates the components.
   *
   * @param metricName the regular expression
   * @param limit how many of the newest measurements to keep; 0 or less means the default of 10
   */
  public MeasurementRetention {
    Objects.requireNonNull(metricName, "metricName");
  }
}
