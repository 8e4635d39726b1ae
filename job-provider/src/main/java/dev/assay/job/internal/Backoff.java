/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Argo's poll back-off for in-flight jobs: the next poll is {@code sqrt(2 * elapsedSeconds)} seconds away. */
public final class Backoff {
  private Backoff() {}

  /**
   * When to poll an in-flight measurement again.
   *
   * @param startedAt when the measurement started, or null (treated as {@code now})
   * @param now the engine clock's current time
   * @return {@code now + sqrt(2 * (now - startedAt))} seconds, never before {@code now}
   */
  public static Instant nextPoll(@Nullable Instant startedAt, Instant now) {
    if (startedAt == null || !now.isAfter(startedAt)) {
      return now;
    }
    double elapsedSeconds = Duration.between(startedAt, now).toNanos() / 1e9;
    long delayNanos = (long) (Math.sqrt(2 * elapsedSeconds) * 1e9);
    return now.plusNanos(delayNanos);
  }
}
