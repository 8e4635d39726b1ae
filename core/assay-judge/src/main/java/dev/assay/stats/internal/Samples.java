/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

import java.util.Arrays;

/** Sample preparation and order statistics shared by the judges. All methods return new arrays. */
public final class Samples {
  private Samples() {}

  /**
   * Drops NaN (or replaces it by 0.0) and drops infinite values.
   *
   * @param values the raw values
   * @param replaceNan true to replace NaN by 0.0 instead of dropping it
   * @return the finite values, in input order
   */
  public static double[] clean(double[] values, boolean replaceNan) {
    double[] out = new double[values.length];
    int k = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        if (replaceNan) {
          out[k++] = 0.0;
        }
      } else if (!Double.isInfinite(v)) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * A sorted copy.
   *
   * @param values the values
   * @return sorted ascending
   */
  public static double[] sorted(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s;
  }

  /**
   * The median of sorted values (mean of the two middle ones for an even count); NaN when empty.
   *
   * @param sorted ascending values
   * @return the median
   */
  public static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * Percentile by R's default type 7 (linear interpolation between order statistics).
   *
   * @param sorted ascending values, not empty
   * @param p the probability in [0, 1]
   * @return the percentile
   */
  public static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Arithmetic mean; NaN when empty.
   *
   * @param values the values
   * @return the mean
   */
  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  /**
   * Kayenta's IQR outlier removal with reduced sensitivity: keeps values inside
   * {@code [min(P1, Q1 - factor IQR), max(P99, Q3 + factor IQR)]}.
   *
   * @param values the values
   * @param factor the IQR multiple (Kayenta: 3.0)
   * @return the kept values, in input order
   */
  public static double[] withoutOutliers(double[] values, double factor) {
    if (values.length == 0) {
      return values.clone();
    }
    double[] s = sorted(values);
    double q1 = percentile(s, 0.25);
    double q3 = percentile(s, 0.75);
    double iqr = q3 - q1;
    double lower = Math.min(percentile(s, 0.01), q1 - factor * iqr);
    double upper = Math.max(percentile(s, 0.99), q3 + factor * iqr);
    double[] out = new double[values.length];
    int k = 0;
    for (double v : values) {
      if (v >= lower && v <= upper) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * Whether all values are strictly positive.
   *
   * @param values the values
   * @return true when every value is {@code > 0}
   */
  public static boolean allPositive(double[] values) {
    for (double v : values) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Natural logarithm of every value.
   *
   * @param values positive values
   * @return the logs
   */
  public static double[] log(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.log(values[i]);
    }
    return out;
  }

  /**
   * The fraction of the {@code m n} pairwise differences {@code x[i] - y[j]} strictly below ({@code below}) or
   * strictly above {@code bound}, in {@code O(m log n)}.
   *
   * @param x first sample
   * @param sortedY second sample, sorted ascending
   * @param bound the bound
   * @param below which side to count
   * @return the fraction in [0, 1]
   */
  public static double differenceFraction(double[] x, double[] sortedY, double bound, boolean below) {
    long count = 0;
    int n = sortedY.length;
    for (double xv : x) {
      // x - y < bound  <=>  y > x - bound;  x - y > bound  <=>  y < x - bound
      double cut = xv - bound;
      count += below ? n - upperIndex(sortedY, cut) : lowerIndex(sortedY, cut);
    }
    return (double) count / ((double) x.length * n);
  }

  /**
   * Binary search in sorted values.
   *
   * @param sorted ascending values
   * @param key the key
   * @return the number of values {@code <= key}
   */
  public static int upperIndex(double[] sorted, double key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Binary search in sorted values.
   *
   * @param sorted ascending values
   * @param key the key
   * @return the number of values {@code < key}
   */
  public static int lowerIndex(double[] sorted, double key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
