/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/**
 * Count, mean and sum of squared deviations of the values seen so far, merged look by look (Chan, Golub and LeVeque
 * 1979), so a sequential test keeps three numbers per sample instead of every value. Immutable.
 *
 * @param count values seen, {@code >= 0}
 * @param mean their mean; 0 when none
 * @param m2 sum of squared deviations from the mean, {@code >= 0}
 */
public record RunningMoments(long count, double mean, double m2) {
  /** No values. */
  public static final RunningMoments EMPTY = new RunningMoments(0, 0, 0);

  /**
   * Validates the components.
   *
   * @param count values seen, {@code >= 0}
   * @param mean their mean; 0 when none
   * @param m2 sum of squared deviations from the mean, {@code >= 0}
   */
  public RunningMoments {
    if (count < 0 || !Double.isFinite(mean) || !(m2 >= 0) || Double.isInfinite(m2)) {
      throw new IllegalArgumentException("count must be >= 0, mean finite and m2 finite and >= 0, but were "
          + count + ", " + mean + ", " + m2);
    }
  }

  /**
   * The moments of some finite values.
   *
   * @param values finite values
   * @return the moments
   */
  public static RunningMoments of(double[] values) {
    long n = 0;
    double mean = 0;
    double m2 = 0;
    for (double v : values) {
      n++;
      double delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
    }
    return new RunningMoments(n, mean, Math.max(m2, 0));
  }

  /**
   * The moments of event counts as 0/1 values: mean the rate, {@code m2 = x (n - x) / n}.
   *
   * @param counts the counts
   * @return the moments
   */
  public static RunningMoments of(EventCounts counts) {
    long n = counts.trials();
    if (n == 0) {
      return EMPTY;
    }
    double x = counts.events();
    return new RunningMoments(n, x / n, x * (n - x) / n);
  }

  /**
   * The moments of both sets of values together.
   *
   * @param other more values
   * @return the merged moments
   */
  public RunningMoments plus(RunningMoments other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    long n = count + other.count;
    double delta = other.mean - mean;
    double merged = mean + delta * other.count / n;
    double m = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
    return new RunningMoments(n, merged, Math.max(m, 0));
  }

  /**
   * The sample variance, {@code m2 / (count - 1)}.
   *
   * @return the variance; NaN with fewer than 2 values
   */
  public double variance() {
    return count < 2 ? Double.NaN : m2 / (count - 1);
  }
}
