/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.templates;

import java.util.Objects;

/**
 * How often a template's metrics measure: {@code count} looks spaced by {@code interval}, each over a query
 * {@code window} (a PromQL range such as {@code 2m}). Durations are Go duration text, as in the templates.
 *
 * @param count number of measurements, at least 1
 * @param interval pause between measurements (Go duration text, for example {@code 1m})
 * @param window PromQL range of each query (for example {@code 2m})
 */
public record Schedule(int count, String interval, String window) {
  /** The default for the Prometheus templates: 5 looks, one a minute, each over the last 2 minutes. */
  public static final Schedule DEFAULT = new Schedule(5, "1m", "2m");

  /**
   * Validates the components.
   *
   * @param count number of measurements, at least 1
   * @param interval pause between measurements (Go duration text, for example {@code 1m})
   * @param window PromQL range of each query (for example {@code 2m})
   */
  public Schedule {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, but was " + count);
    }
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(window, "window");
  }
}
