/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One provider call the reconcile step decided to make (Argo's {@code metricTask}).
 *
 * @param metric the resolved metric
 * @param kind what to do
 * @param inFlight the in-flight measurement to resume or terminate; null for a new measurement
 */
record MetricTask(Metric metric, Kind kind, @Nullable Measurement inFlight) {
  /** What a task does. */
  enum Kind {
    /** Take a new measurement ({@code provider.run}). */
    START,
    /** Poll an in-flight measurement ({@code provider.resume}). */
    RESUME,
    /** Stop an in-flight measurement because the run is terminating ({@code provider.terminate}). */
    TERMINATE
  }

  MetricTask {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(kind, "kind");
  }
}
