/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

import java.util.Arrays;

/**
 * The standardized rank-sum statistic of {@code x - d} against {@code y} as a function of the shift {@code d}, and
 * its inversion into the Hodges-Lehmann estimate and confidence bounds the way R's {@code wilcox.test} computes them
 * for the normal approximation.
 *
 * <p>R re-ranks all {@code m + n} values for every trial shift. Here both samples are sorted once and each
 * evaluation is a linear merge that yields the same rank sum and the same tie counts (the comparisons are made on
 * the same doubles {@code x[i] - d}), so one evaluation costs {@code O(m + n)} instead of
 * {@code O((m + n) log(m + n))}. Immutable and thread-safe.
 */
public final class ShiftedRankSum {
  /** R's default {@code tol.root}. */
  public static final double ROOT_TOLERANCE = 1e-4;

  private static final int MAX_ITERATIONS = 1000;

  /** How the continuity correction is chosen, after R's {@code CORRECTION.CI}. */
  public enum Correction {
    /** No correction. */
    NONE,
    /** Move the centred rank sum 0.5 toward zero: two-sided. */
    TOWARD_ZERO,
    /** Subtract 0.5 from the centred rank sum: alternative "greater". */
    MINUS_HALF,
    /** Add 0.5 to the centred rank sum: alternative "less". */
    PLUS_HALF
  }

  private final double[] xs;
  private final double[] ys;
  private final double nx;
  private final double ny;
  /** Tie term of {@code y} alone; it never changes with {@code d}. */
  private final double yTieTerm;

  /**
   * Prepares the statistic; the arrays are copied.
   *
   * @param x first sample (finite values, at least one)
   * @param y second sample (finite values, at least one)
   */
  public ShiftedRankSum(double[] x, double[] y) {
    this.xs = x.clone();
    this.ys = y.clone();
    Arrays.sort(xs);
    Arrays.sort(ys);
    this.nx = xs.length;
    this.ny = ys.length;
    double t = 0;
    int j = 0;
    while (j < ys.length) {
      int k = j + 1;
      while (k < ys.length && ys[k] == ys[j]) {
        k++;
      }
      t += cube(k - j);
      j = k;
    }
    this.yTieTerm = t;
  }

  /**
   * Smallest pairwise difference {@code min(x) - max(y)}.
   *
   * @return the lower end of the search range
   */
  public double minShift() {
    return xs[0] - ys[ys.length - 1];
  }

  /**
   * Largest pairwise difference {@code max(x) - min(y)}.
   *
   * @return the upper end of the search range
   */
  public double maxShift() {
    return xs[xs.length - 1] - ys[0];
  }

  /**
   * Rank sum of {@code x - d} in the combined sample (ties get average ranks) and the tie term
   * {@code sum(t^3 - t)} over groups of equal values, exactly what ranking {@code c(x - d, y)} gives.
   *
   * @param d the shift subtracted from {@code x}
   * @return {@code {rankSumX, tieTerm}}
   */
  public double[] rankSum(double d) {
    // Walk the groups of equal x - d; y only needs a pointer, because y's own ties are fixed (yTieTerm) and
    // only y values equal to an x group change the tie structure.
    int m = xs.length;
    int n = ys.length;
    int i = 0;
    int j = 0;
    double rankSumX = 0;
    double tieTerm = yTieTerm;
    while (i < m) {
      double v = xs[i] - d;
      int start = i;
      i++;
      while (i < m && xs[i] - d == v) {
        i++;
      }
      double cx = i - start;
      while (j < n && ys[j] < v) {
        j++;
      }
      int below = j;
      while (j < n && ys[j] == v) {
        j++;
      }
      double cy = j - below;
      double t = cx + cy;
      rankSumX += cx * (start + below + (t + 1) / 2);
      tieTerm += cube(t) - cube(cy);
    }
    return new double[] {rankSumX, tieTerm};
  }

  private static double cube(double t) {
    return t * t * t - t;
  }

  /**
   * R's {@code W(d)}: {@code (U(d) - m n / 2 - correction) / sigma(d)} with the tie-corrected sigma.
   *
   * @param d the shift subtracted from {@code x}
   * @param correction the continuity correction rule
   * @return the standardized statistic; NaN when all values are tied
   */
  public double standardized(double d, Correction correction) {
    double[] sums = rankSum(d);
    double dz = sums[0] - nx * (nx + 1) / 2 - nx * ny / 2;
    double c;
    switch (correction) {
      case TOWARD_ZERO:
        c = Math.signum(dz) * 0.5;
        break;
      case MINUS_HALF:
        c = 0.5;
        break;
      case PLUS_HALF:
        c = -0.5;
        break;
      default:
        c = 0;
    }
    double sigma = Math.sqrt((nx * ny / 12) * ((nx + ny + 1) - sums[1] / ((nx + ny) * (nx + ny - 1))));
    return (dz - c) / sigma;
  }

  /**
   * The shift at which {@code standardized(d, correction)} crosses {@code zq}, clamped to the search range as R's
   * {@code root()} does. {@code atMin} and {@code atMax} are the statistic at the range ends with the same
   * correction.
   *
   * @param zq the normal quantile to hit
   * @param correction the continuity correction rule
   * @param atMin {@code standardized(minShift(), correction)}
   * @param atMax {@code standardized(maxShift(), correction)}
   * @return the confidence bound
   */
  public double bound(double zq, Correction correction, double atMin, double atMax) {
    double fLower = atMin - zq;
    if (fLower <= 0) {
      return minShift();
    }
    double fUpper = atMax - zq;
    if (fUpper >= 0) {
      return maxShift();
    }
    return BrentRoot.find(
        d -> standardized(d, correction) - zq,
        minShift(),
        maxShift(),
        fLower,
        fUpper,
        ROOT_TOLERANCE,
        MAX_ITERATIONS);
  }

  /**
   * The Hodges-Lehmann estimate as R finds it for the normal approximation: the root of the uncorrected statistic.
   * Requires {@code minShift() < maxShift()}.
   *
   * @return the shift estimate
   */
  public double estimate() {
    double lo = minShift();
    double hi = maxShift();
    return BrentRoot.find(
        d -> standardized(d, Correction.NONE),
        lo,
        hi,
        standardized(lo, Correction.NONE),
        standardized(hi, Correction.NONE),
        ROOT_TOLERANCE,
        MAX_ITERATIONS);
  }
}
