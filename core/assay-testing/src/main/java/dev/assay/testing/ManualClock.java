/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when told to. Thread-safe. Its zone is UTC.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  /**
   * Creates a clock showing a fixed instant.
   *
   * @param start the initial time
   */
  public ManualClock(Instant start) {
    now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * Creates a clock at {@code 2026-01-01T00:00:00Z}.
   *
   * @return the clock
   */
  public static ManualClock atEpochOf2026() {
    return new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far; must not be negative
   * @return the new time
   */
  public Instant advanceBy(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must be >= 0, but was " + amount);
    }
    return now.updateAndGet(t -> t.plus(amount));
  }

  /**
   * Sets the time. Moving backwards is allowed (to test clock steps) but unusual.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ManualClock is always UTC");
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + "]";
  }
}
