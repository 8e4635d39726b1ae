/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * A series of value 1 whose one label says the current state, like Argo's {@code analysis_run_info{phase=...}}: when
 * the state changes, the old series is removed and a new one registered, so exactly one exists (or none after
 * {@link #clear()}). Thread-safe.
 */
final class SwitchingGauge {
  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final Tags tags;
  private final String label;
  private @Nullable String value;
  private @Nullable Gauge gauge;

  SwitchingGauge(MeterRegistry registry, String name, String description, Tags tags, String label) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.tags = tags;
    this.label = label;
  }

  /** Shows {@code value} as the label, replacing the previous series if the value changed. */
  synchronized void set(String newValue) {
    if (newValue.equals(value)) {
      return;
    }
    clear();
    value = newValue;
    gauge = Gauge.builder(name, () -> 1).description(description).tags(tags).tag(label, newValue)
        .strongReference(true).register(registry);
  }

  /** Removes the series. */
  synchronized void clear() {
    if (gauge != null) {
      registry.remove(gauge);
      gauge = null;
    }
    value = null;
  }
}
