/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;

/**
 * A Prometheus range query window. {@code start} and {@code end} are condition-language time expressions such as
 * {@code now() - duration("5m")}; {@code step} is a Go duration.
 *
 * @param start the start time expression; empty when absent
 * @param end the end time expression; empty when absent
 * @param step the resolution step; empty when absent
 */
public record RangeQuery(String start, String end, String step) {
  /**
   * Normalises absent values to empty ones.
   *
   * @param start the start time expression; empty when absent
   * @param end the end time expression; empty when absent
   * @param step the resolution step; empty when absent
   */
  public RangeQuery {
    start = Objects.requireNonNullElse(start, "");
    end = Objects.requireNonNullElse(end, "");
    step = Objects.requireNonNullElse(step, "");
  }
}
