/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import dev.assay.stats.internal.Samples;
import java.util.Arrays;

/**
 * Runs the rank-sum test for a judge, adding what the bare {@link MannWhitney} (kept equal to R) does not do.
 * <ul>
 *   <li><b>Infinite values</b> rank beyond every finite value: before the test they become stand-ins 4 spans beyond
 *       the finite range, and a shift or bound that involves a stand-in is reported as infinite.
 *   <li><b>Units</b> ({@code rescale}): R's root finder stops at an absolute tolerance of 1e-4, so on data near 1e-4
 *       (error ratios) its noise decides. The values are divided by their span first, so the tolerance is relative,
 *       and the results are snapped to what they approximate: the estimate to the median of the pairwise
 *       differences (Hodges-Lehmann), each bound to the nearest pairwise difference (the statistic only changes
 *       there). Multiplying every value by a constant then leaves every verdict unchanged.
 * </ul>
 * Stateless.
 */
final class RankShifts {
  /** Stand-ins sit this many spans beyond the finite range; any shift beyond half of it involves a stand-in. */
  private static final double STAND_IN_SPANS = 4;
  /** Snap only values this close (in spans) to a pairwise difference: a few root-finder tolerances. */
  private static final double SNAP_SPANS = 1e-3;
  /** Far below the snapping distance, far above rounding errors of values scaled to a span of 1. */
  private static final double HAIR = 1e-12;

  private RankShifts() {}

  /**
   * Tests {@code x} against {@code y}.
   *
   * @param test the configured test
   * @param x first sample, no NaN, at least one value
   * @param y second sample, no NaN, at least one value
   * @param rescale true to divide by the span and snap (unit-independent); false keeps R's numbers for finite data
   * @return the result in the input's units, with infinite shifts where stand-ins decided them
   */
  static MannWhitneyResult test(MannWhitney test, double[] x, double[] y, boolean rescale) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean infinite = false;
    for (double[] sample : new double[][] {x, y}) {
      for (double v : sample) {
        if (Double.isInfinite(v)) {
          infinite = true;
        } else {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (!rescale && !infinite) {
      return test.test(x, y);
    }
    if (min > max) {
      min = 0; // every value is infinite
      max = 0;
    }
    double span = max - min;
    if (span == 0) {
      span = Math.abs(max) == 0 ? 1 : Math.abs(max);
    }
    double scale = rescale ? span : 1;
    double high = max + STAND_IN_SPANS * span;
    double low = min - STAND_IN_SPANS * span;
    double[] xs = prepared(x, low, high, scale);
    double[] ys = prepared(y, low, high, scale);
    MannWhitneyResult r = test.test(xs, ys);
    double estimate = r.estimate();
    double confLow = r.confLow();
    double confHigh = r.confHigh();
    if (rescale) {
      Arrays.sort(xs);
      Arrays.sort(ys);
      estimate = medianDifference(xs, ys, estimate);
      confLow = snap(xs, ys, confLow);
      confHigh = snap(xs, ys, confHigh);
    }
    double limit = STAND_IN_SPANS * span / 2;
    return new MannWhitneyResult(r.nx(), r.ny(), r.statistic(), r.z(), r.pValue(), r.exact(), r.ties(),
        r.alternative(), r.mu(), restored(estimate, scale, limit, infinite), restored(confLow, scale, limit, infinite),
        restored(confHigh, scale, limit, infinite), r.confLevel());
  }

  private static double[] prepared(double[] values, double low, double high, double scale) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      out[i] = (v == Double.POSITIVE_INFINITY ? high : v == Double.NEGATIVE_INFINITY ? low : v) / scale;
    }
    return out;
  }

  private static double restored(double v, double scale, double limit, boolean infinite) {
    double back = v * scale;
    if (infinite && Double.isFinite(back) && Math.abs(back) > limit) {
      return back > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return back;
  }

  /** The pairwise difference nearest to {@code v} when within the snapping distance, else {@code v}. */
  static double snap(double[] sortedX, double[] sortedY, double v) {
    if (!Double.isFinite(v)) {
      return v;
    }
    // a hair past v on each side: v may itself be a difference, which the rounded x - v must not miss
    double below = largestDifferenceAtMost(sortedX, sortedY, v + HAIR);
    double above = smallestDifferenceAtLeast(sortedX, sortedY, v - HAIR);
    double best = v - below <= above - v ? below : above;
    return Math.abs(best - v) <= SNAP_SPANS ? best : v;
  }

  /**
   * The Hodges-Lehmann estimate: the median of the {@code m n} pairwise differences {@code x[i] - y[j]} (the mean
   * of the two middle ones for an even count), found by bisection on the value with {@code O(m log n)} counts,
   * starting near {@code hint}.
   *
   * @param sortedX first sample, ascending
   * @param sortedY second sample, ascending
   * @param hint an approximation, for example R's root of the rank statistic
   * @return the median difference
   */
  static double medianDifference(double[] sortedX, double[] sortedY, double hint) {
    long cells = (long) sortedX.length * sortedY.length;
    long k = (cells + 1) / 2;
    if (cells % 2 == 1) {
      return kthDifferences(sortedX, sortedY, k, hint, 1)[0];
    }
    double[] middle = kthDifferences(sortedX, sortedY, k, hint, 2);
    return (middle[0] + middle[1]) / 2;
  }

  /** Largest number of differences sorted directly once the bracket holds no more. */
  private static final int DIRECT = 4096;

  /** The k-th and following smallest pairwise differences (1-based), {@code count} of them. */
  private static double[] kthDifferences(double[] sx, double[] sy, long k, double hint, int count) {
    long last = k + count - 1;
    // clearly outside the range of differences: x - d rounded must not land back onto a y at the ends
    double min = sx[0] - sy[sy.length - 1] - SNAP_SPANS;
    double max = sx[sx.length - 1] - sy[0] + SNAP_SPANS;
    // bracket the answers around the hint, widening geometrically: R's root is within its tolerance of it
    double lo;
    double hi;
    long belowLo;
    long uptoHi;
    for (double width = SNAP_SPANS; ; width *= 16) {
      lo = Math.max(hint - width, min);
      hi = Math.min(hint + width, max);
      belowLo = lo == min ? 0 : countAtMost(sx, sy, lo);
      uptoHi = hi == max ? (long) sx.length * sy.length : countAtMost(sx, sy, hi);
      if (belowLo < k && uptoHi >= last) {
        break;
      }
    }
    // invariant: count(<= lo) < k and count(<= hi) >= last; halve until few enough differences lie in (lo, hi]
    while (uptoHi - belowLo > DIRECT) {
      double first = smallestDifferenceAbove(sx, sy, lo);
      if (first >= largestDifferenceAtMost(sx, sy, hi)) {
        return filled(count, first); // one distinct difference left in (lo, hi]: all answers
      }
      double mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) {
        // adjacent doubles: the many differences left differ only by rounding, so they are one value
        return filled(count, first);
      }
      long atMid = countAtMost(sx, sy, mid);
      if (atMid >= last) {
        hi = mid;
        uptoHi = atMid;
      } else if (atMid < k) {
        lo = mid;
        belowLo = atMid;
      } else {
        // mid splits the two middle answers: find each on its own, never sorting a large bracket
        return new double[] {kthDifferences(sx, sy, k, hint, 1)[0], kthDifferences(sx, sy, last, hint, 1)[0]};
      }
    }
    double[] inside = differencesBetween(sx, sy, lo, hi, uptoHi - belowLo);
    Arrays.sort(inside);
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = inside[(int) (k - belowLo - 1 + i)];
    }
    return out;
  }

  private static double[] filled(int count, double value) {
    double[] out = new double[count];
    Arrays.fill(out, value);
    return out;
  }

  /**
   * The differences counted in {@code count(<= hi) - count(<= lo)}: for each x, the y with
   * {@code x - hi <= y < x - lo}, the same index arithmetic as {@link #countAtMost}, so ranks agree exactly.
   */
  private static double[] differencesBetween(double[] sx, double[] sy, double lo, double hi, long size) {
    double[] out = new double[Math.toIntExact(size)];
    int n = 0;
    for (double xv : sx) {
      int from = Samples.lowerIndex(sy, xv - hi);
      int to = Samples.lowerIndex(sy, xv - lo);
      for (int j = from; j < to; j++) {
        out[n++] = xv - sy[j];
      }
    }
    return out;
  }

  private static long countAtMost(double[] sx, double[] sy, double d) {
    long count = 0;
    for (double xv : sx) {
      // x - y <= d  <=>  y >= x - d
      count += sy.length - Samples.lowerIndex(sy, xv - d);
    }
    return count;
  }

  private static double largestDifferenceAtMost(double[] sx, double[] sy, double d) {
    double best = Double.NEGATIVE_INFINITY;
    for (double xv : sx) {
      int j = Samples.lowerIndex(sy, xv - d); // first y >= x - d gives the largest x - y <= d
      if (j < sy.length) {
        best = Math.max(best, xv - sy[j]);
      }
    }
    return best;
  }

  private static double smallestDifferenceAtLeast(double[] sx, double[] sy, double d) {
    double best = Double.POSITIVE_INFINITY;
    for (double xv : sx) {
      int j = Samples.upperIndex(sy, xv - d) - 1; // last y <= x - d gives the smallest x - y >= d
      if (j >= 0) {
        best = Math.min(best, xv - sy[j]);
      }
    }
    return best;
  }

  private static double smallestDifferenceAbove(double[] sx, double[] sy, double d) {
    double best = Double.POSITIVE_INFINITY;
    for (double xv : sx) {
      int j = Samples.lowerIndex(sy, xv - d) - 1; // last y < x - d gives the smallest x - y > d
      if (j >= 0) {
        best = Math.min(best, xv - sy[j]);
      }
    }
    return best;
  }
}
