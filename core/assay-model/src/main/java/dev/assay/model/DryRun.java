/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A dry-run rule: metrics whose name matches {@code metricName} (an unanchored regular expression, as Argo) are
 * measured and assessed but never decide the run.
 *
 * @param metricName the regular expression
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DryRun(String metricName) {
  /**
   * Validates the components.
   *
   * @param metricName the regular expression
   */
  public DryRun {
    Objects.requireNonNull(metricName, "metricName");
  }
}
