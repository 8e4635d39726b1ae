/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Intervals and tests for one or two binomial proportions, each a closed formula over R's building blocks so that
 * {@code core/assay-judge/src/test/r/proportions.R} recomputes them in R to 1e-9:
 * <ul>
 *   <li>Wilson score interval of one proportion = R's {@code prop.test(x, n, correct = FALSE)$conf.int};
 *   <li>Clopper-Pearson exact interval = R's {@code binom.test(x, n)$conf.int};
 *   <li>the difference {@code p1 - p2}: Newcombe's hybrid score interval (Newcombe 1998, method 10), which combines
 *       the two single-sample intervals by MOVER (Zou and Donner 2008);
 *   <li>the ratio {@code p1 / p2}: MOVER-R (Donner and Zou 2012) over the same single-sample intervals, solved in
 *       closed form, with {@code +inf} as upper limit when the second sample has no events;
 *   <li>the two-sided p-value of {@code p1 = p2}: R's {@code prop.test(c(x1, x2), c(n1, n2), correct = FALSE)}
 *       (score test) or {@code fisher.test} (exact).
 * </ul>
 * Stateless and thread-safe.
 */
public final class BinomialIntervals {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
  private static final double BETA_ACCURACY = 1e-15;
  /** R's {@code fisher.test} tolerance for "as or less likely than the observed table". */
  private static final double FISHER_RELATIVE_ERROR = 1 + 1e-7;

  private BinomialIntervals() {}

  /**
   * The two-sided normal quantile of a confidence level, {@code qnorm((1 + confidence) / 2)}.
   *
   * @param confidence in (0, 1)
   * @return z
   */
  public static double z(double confidence) {
    return NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
  }

  /**
   * Wilson score interval of {@code x / n}.
   *
   * @param x events, {@code 0 <= x <= n}
   * @param n trials, {@code > 0}
   * @param z the two-sided normal quantile
   * @return {@code {low, high}}
   */
  public static double[] wilson(long x, long n, double z) {
    double p = (double) x / n;
    double z2 = z * z;
    double centre = p + z2 / (2.0 * n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    double denominator = 1 + z2 / n;
    // at x = 0 (x = n) the end is exactly 0 (1); rounding would leave a tiny non-zero value there
    double low = x == 0 ? 0 : Math.max((centre - half) / denominator, 0);
    double high = x == n ? 1 : Math.min((centre + half) / denominator, 1);
    return new double[] {low, high};
  }

  /**
   * Clopper-Pearson exact interval of {@code x / n}: beta quantiles, 0 and 1 at the ends.
   *
   * @param x events, {@code 0 <= x <= n}
   * @param n trials, {@code > 0}
   * @param confidence the two-sided level
   * @return {@code {low, high}}
   */
  public static double[] clopperPearson(long x, long n, double confidence) {
    double alpha = 1 - confidence;
    double low = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1.0, BETA_ACCURACY)
        .inverseCumulativeProbability(alpha / 2);
    double high = x == n ? 1 : new BetaDistribution(null, x + 1.0, (double) (n - x), BETA_ACCURACY)
        .inverseCumulativeProbability(1 - alpha / 2);
    return new double[] {low, high};
  }

  /**
   * MOVER interval of {@code p1 - p2} from the single-sample intervals (Newcombe's method when they are Wilson's).
   *
   * @param p1 first estimate
   * @param ci1 its interval
   * @param p2 second estimate
   * @param ci2 its interval
   * @return {@code {low, high}}
   */
  public static double[] difference(double p1, double[] ci1, double p2, double[] ci2) {
    double d = p1 - p2;
    double low = d - Math.sqrt(square(p1 - ci1[0]) + square(ci2[1] - p2));
    double high = d + Math.sqrt(square(ci1[1] - p1) + square(p2 - ci2[0]));
    return new double[] {low, high};
  }

  /**
   * MOVER-R interval of {@code p1 / p2}: the ratios {@code r} at which the MOVER interval of the contrast
   * {@code p1 - r p2} has an end at 0. Lower limit 0 when the first sample has no events; upper limit
   * {@code +inf} when the second has none (so {@code [0, +inf]} when neither has events: no ratio is excluded).
   *
   * @param p1 first estimate
   * @param ci1 its interval
   * @param p2 second estimate
   * @param ci2 its interval
   * @return {@code {low, high}}
   */
  public static double[] ratio(double p1, double[] ci1, double p2, double[] ci2) {
    // lower: root of (p1 - r p2) - sqrt((p1 - l1)^2 + r^2 (u2 - p2)^2) = 0 with r p2 <= p1
    double low;
    if (ci1[0] == 0) {
      low = 0;
    } else {
      double a = ci2[1] * (2 * p2 - ci2[1]);
      double c = ci1[0] * (2 * p1 - ci1[0]);
      low = smallerRoot(a, p1 * p2, c);
    }
    // upper: root of (p1 - r p2) + sqrt((u1 - p1)^2 + r^2 (p2 - l2)^2) = 0 with r p2 >= p1
    double high;
    if (ci2[0] == 0) {
      high = Double.POSITIVE_INFINITY;
    } else {
      double a = ci2[0] * (2 * p2 - ci2[0]);
      double c = ci1[1] * (2 * p1 - ci1[1]);
      high = (p1 * p2 + Math.sqrt(Math.max(square(p1 * p2) - a * c, 0))) / a;
    }
    return new double[] {low, high};
  }

  /** The root {@code r >= 0} of {@code a r^2 - 2 h r + c = 0} nearer zero, written to avoid cancellation. */
  private static double smallerRoot(double a, double h, double c) {
    double disc = Math.sqrt(Math.max(h * h - a * c, 0));
    // (h - disc) / a == c / (h + disc)
    return h + disc == 0 ? 0 : c / (h + disc);
  }

  /**
   * Two-sided p-value of {@code p1 = p2} by the score (Pearson chi-square) test without continuity correction; NaN
   * when every trial is an event or none is.
   *
   * @param x1 first events
   * @param n1 first trials
   * @param x2 second events
   * @param n2 second trials
   * @return the p-value
   */
  public static double scoreTestP(long x1, long n1, long x2, long n2) {
    double pooled = (double) (x1 + x2) / (n1 + n2);
    double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (!(variance > 0)) {
      return Double.NaN;
    }
    double z = ((double) x1 / n1 - (double) x2 / n2) / Math.sqrt(variance);
    return 2 * NORMAL.cumulativeProbability(-Math.abs(z));
  }

  /**
   * Fisher's exact two-sided p-value of the 2x2 table {@code [[x1, n1 - x1], [x2, n2 - x2]]}, as R computes it: the
   * probability of every table with the same margins that is at most {@code 1 + 1e-7} times as likely.
   *
   * @param x1 first events
   * @param n1 first trials
   * @param x2 second events
   * @param n2 second trials
   * @return the p-value
   */
  public static double fisherP(long x1, long n1, long x2, long n2) {
    long events = x1 + x2;
    long total = n1 + n2;
    if (total > Integer.MAX_VALUE) {
      return Double.NaN;
    }
    if (events == 0 || events == total) {
      return 1; // one possible table
    }
    HypergeometricDistribution h = new HypergeometricDistribution(null, (int) total, (int) events, (int) n1);
    int lo = h.getSupportLowerBound();
    int hi = h.getSupportUpperBound();
    double observed = h.logProbability((int) x1);
    double limit = observed + Math.log(FISHER_RELATIVE_ERROR);
    double sum = 0;
    for (int k = lo; k <= hi; k++) {
      double lp = h.logProbability(k);
      if (lp <= limit) {
        sum += Math.exp(lp);
      }
    }
    return Math.min(sum, 1);
  }

  private static double square(double v) {
    return v * v;
  }
}
