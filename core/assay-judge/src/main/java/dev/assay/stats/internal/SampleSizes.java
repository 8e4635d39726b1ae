/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

/**
 * Sample sizes a rank-based interval needs, computed from the exact null distribution and from the
 * Hodges-Lehmann interval's construction.
 */
public final class SampleSizes {
  /** Answer when no sample size would decide. */
  public static final long NEVER = -1;

  private static final long LIMIT = 1_000_000_000L;

  private SampleSizes() {}

  /**
   * Whether samples of sizes {@code m} and {@code n} can reach a two-sided confidence level at all: the smallest
   * exact two-sided p-value, {@code 2 / C(m + n, m)}, must not exceed {@code 1 - confidence}.
   *
   * @param m first size
   * @param n second size
   * @param confidence two-sided level in (0, 1)
   * @return true when reachable
   */
  public static boolean canReach(long m, long n, double confidence) {
    if (m < 1 || n < 1) {
      return false;
    }
    double needed = 2 / (1 - confidence);
    double c = 1;
    long k = Math.min(m, n);
    long total = m + n;
    for (long i = 1; i <= k; i++) {
      c = c * (total - k + i) / i;
      if (c >= needed) {
        return true;
      }
    }
    return c >= needed;
  }

  /**
   * The highest two-sided confidence level any rank interval of samples of sizes {@code m} and {@code n} can have:
   * {@code 1 - 2 / C(m + n, m)}, the coverage of the full range of pairwise differences for untied data.
   *
   * @param m first size, {@code >= 1}
   * @param n second size, {@code >= 1}
   * @return the level in [0, 1)
   */
  public static double maximumConfidence(long m, long n) {
    double c = 1;
    long k = Math.min(m, n);
    long total = m + n;
    for (long i = 1; i <= k; i++) {
      c = c * (total - k + i) / i;
    }
    return 1 - 2 / c;
  }

  /**
   * The smallest equal size {@code N} for which two samples of {@code N} values can reach the confidence level.
   *
   * @param confidence two-sided level in (0, 1)
   * @return N, at least 1
   */
  public static long minimumEqualSize(double confidence) {
    long size = 1;
    while (!canReach(size, size, confidence)) {
      size++;
    }
    return size;
  }

  /**
   * Projects the equal per-sample size at which the Hodges-Lehmann interval would clear a bound, assuming the
   * observed distribution of pairwise differences persists. The interval's end is the order statistic at
   * fraction {@code 1/2 - z sqrt((2N + 1) / (12 N^2))} of the pairwise differences (normal approximation, equal
   * sizes {@code N}); it clears the bound once that fraction is below {@code q - 1/2}, where {@code q} is the
   * fraction of differences on the wanted side of the bound.
   *
   * @param fraction {@code q}, the fraction of pairwise differences on the wanted side
   * @param z the two-sided normal quantile of the confidence level, for example 2.326 for 0.98
   * @return N, or {@link #NEVER} when {@code q <= 1/2}
   */
  public static long projectedEqualSize(double fraction, double z) {
    double gap = fraction - 0.5;
    if (!(gap > 0)) {
      return NEVER;
    }
    double c = (gap / z) * (gap / z);
    // (2N + 1) / (12 N^2) <= c  <=>  12 c N^2 - 2 N - 1 >= 0
    double root = (2 + Math.sqrt(4 + 48 * c)) / (24 * c);
    return root >= LIMIT ? LIMIT : (long) Math.ceil(root);
  }
}
