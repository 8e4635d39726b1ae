/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/**
 * A count of events out of trials, for example 5xx responses out of requests. Immutable.
 *
 * @param events how many trials were events, {@code 0 <= events <= trials}
 * @param trials how many trials there were, {@code >= 0}
 */
public record EventCounts(long events, long trials) {
  /** No events out of no trials. */
  public static final EventCounts NONE = new EventCounts(0, 0);

  /**
   * Validates the counts.
   *
   * @param events how many trials were events, {@code 0 <= events <= trials}
   * @param trials how many trials there were, {@code >= 0}
   */
  public EventCounts {
    if (trials < 0 || events < 0 || events > trials) {
      throw new IllegalArgumentException(
          "events must be in [0, trials] and trials >= 0, but were " + events + " of " + trials);
    }
  }

  /**
   * Counts from 0/1 flags (one per trial, 1 = event).
   *
   * @param flags values 0 or 1; NaN is not allowed here (drop it first)
   * @return the counts
   * @throws IllegalArgumentException naming the index of the first value that is not 0 or 1
   */
  public static EventCounts ofFlags(double[] flags) {
    long events = 0;
    for (int i = 0; i < flags.length; i++) {
      double v = flags[i];
      if (v == 1) {
        events++;
      } else if (v != 0) {
        throw new IllegalArgumentException("flag at index " + i + " is " + v + ", but flags must be 0 or 1");
      }
    }
    return new EventCounts(events, flags.length);
  }

  /**
   * The event rate.
   *
   * @return {@code events / trials}; NaN when there are no trials
   */
  public double rate() {
    return trials == 0 ? Double.NaN : (double) events / trials;
  }

  /**
   * The sum of two counts, for accumulating looks.
   *
   * @param other more counts
   * @return the totals
   */
  public EventCounts plus(EventCounts other) {
    return new EventCounts(Math.addExact(events, other.events), Math.addExact(trials, other.trials));
  }
}
