/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.util.Arrays;

/**
 * A sample ready for a rank judge, and what was done to get it: NaN values dropped (or replaced by 0) as missing
 * data; infinite values kept, because they rank beyond every finite value ({@code +inf} is the worst latency, an
 * overflow bucket, not a missing one).
 *
 * @param values the values used, in input order; may hold infinities, never NaN
 * @param nan NaN values dropped
 * @param replaced NaN values replaced by 0
 * @param positiveInfinite {@code +inf} values kept
 * @param negativeInfinite {@code -inf} values kept
 */
record CleanSample(double[] values, long nan, long replaced, long positiveInfinite, long negativeInfinite) {

  /**
   * Cleans raw values.
   *
   * @param raw the values
   * @param replaceNan true to replace NaN by 0 instead of dropping it
   * @return the clean sample
   */
  static CleanSample of(double[] raw, boolean replaceNan) {
    double[] out = new double[raw.length];
    int k = 0;
    long nan = 0;
    long pos = 0;
    long neg = 0;
    for (double v : raw) {
      if (Double.isNaN(v)) {
        nan++;
        if (replaceNan) {
          out[k++] = 0.0;
        }
        continue;
      }
      if (v == Double.POSITIVE_INFINITY) {
        pos++;
      } else if (v == Double.NEGATIVE_INFINITY) {
        neg++;
      }
      out[k++] = v;
    }
    return replaceNan ? new CleanSample(Arrays.copyOf(out, k), 0, nan, pos, neg)
        : new CleanSample(Arrays.copyOf(out, k), nan, 0, pos, neg);
  }

  /**
   * Infinite values kept.
   *
   * @return the count
   */
  long infinite() {
    return positiveInfinite + negativeInfinite;
  }

  /**
   * What was dropped, replaced or kept as infinite in both samples, for a reason: empty when nothing was, else
   * starting with {@code "; "}.
   *
   * @param canary the canary sample
   * @param baseline the baseline sample
   * @param outliers outliers removed from the canary and the baseline ({@code {0, 0}} when outliers are kept)
   * @return the text
   */
  static String note(CleanSample canary, CleanSample baseline, long[] outliers) {
    StringBuilder b = new StringBuilder();
    long nan = canary.nan + baseline.nan;
    if (nan > 0) {
      b.append("; dropped ").append(counts(canary.nan, baseline.nan)).append(" NaN value").append(plural(nan))
          .append(" as missing data");
    }
    long replaced = canary.replaced + baseline.replaced;
    if (replaced > 0) {
      b.append("; replaced ").append(counts(canary.replaced, baseline.replaced)).append(" NaN value")
          .append(plural(replaced)).append(" by 0 (nanStrategy replace)");
    }
    if (outliers[0] + outliers[1] > 0) {
      b.append("; removed ").append(counts(outliers[0], outliers[1])).append(" IQR outlier")
          .append(plural(outliers[0] + outliers[1]));
    }
    long pos = canary.positiveInfinite + baseline.positiveInfinite;
    if (pos > 0) {
      b.append("; ").append(counts(canary.positiveInfinite, baseline.positiveInfinite)).append(" value")
          .append(plural(pos)).append(pos == 1 ? " is" : " are")
          .append(" +inf, ranked above every finite value (the worst when lower is better)");
    }
    long neg = canary.negativeInfinite + baseline.negativeInfinite;
    if (neg > 0) {
      b.append("; ").append(counts(canary.negativeInfinite, baseline.negativeInfinite)).append(" value")
          .append(plural(neg)).append(neg == 1 ? " is" : " are").append(" -inf, ranked below every finite value");
    }
    return b.toString();
  }

  private static String counts(long canary, long baseline) {
    if (baseline == 0) {
      return canary + " canary";
    }
    return canary == 0 ? baseline + " baseline" : canary + " canary and " + baseline + " baseline";
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CleanSample && Arrays.equals(values, ((CleanSample) o).values)
        && nan == ((CleanSample) o).nan && replaced == ((CleanSample) o).replaced
        && positiveInfinite == ((CleanSample) o).positiveInfinite
        && negativeInfinite == ((CleanSample) o).negativeInfinite;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Long.hashCode(nan + replaced + positiveInfinite + negativeInfinite);
  }

  @Override
  public String toString() {
    return "CleanSample[n=" + values.length + ", nan=" + nan + ", replaced=" + replaced + ", +inf="
        + positiveInfinite + ", -inf=" + negativeInfinite + "]";
  }
}
