/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A count and a total time, exported as a Micrometer {@link FunctionTimer} ({@code _seconds_count} and
 * {@code _seconds_sum} in Prometheus). Recording is two {@link LongAdder} additions, a few nanoseconds, where a
 * Micrometer {@code Timer} with buckets costs a hundred or more per call: these sit on the engine's measurement path,
 * which must not slow down by more than 5% (docs/observability.md). Thread-safe.
 */
final class TimeTotal {
  private final LongAdder count = new LongAdder();
  private final LongAdder nanos = new LongAdder();

  TimeTotal(MeterRegistry registry, String name, String description, Tags tags) {
    FunctionTimer.builder(name, this, t -> t.count.sum(), t -> t.nanos.sum(), TimeUnit.NANOSECONDS)
        .description(description).tags(tags).register(registry);
  }

  void record(Duration time) {
    count.increment();
    nanos.add(time.toNanos());
  }
}
