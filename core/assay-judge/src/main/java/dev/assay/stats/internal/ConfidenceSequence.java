/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

/**
 * The width of an asymptotic confidence sequence with a normal-mixture boundary (Waudby-Smith, Arnold, Wu and
 * Ramdas 2021, "Time-uniform central limit theory and asymptotic confidence sequences", Theorem 2.2): with
 * probability at least {@code 1 - alpha} the estimate stays within {@code SE x factor(t)} of the true value at
 * every sample size {@code t} at once, so looking after every batch and stopping at the first decision keeps the
 * error rate at {@code alpha}. The mixing parameter {@code rho} makes the sequence tightest at a planned size
 * {@code t*}: {@code rho^2 = (-2 log alpha + log(-2 log alpha + 1)) / t*}. Stateless.
 */
public final class ConfidenceSequence {
  private ConfidenceSequence() {}

  /**
   * The multiple of the standard error that bounds the estimate at size {@code t}:
   * {@code sqrt(2 (t rho^2 + 1) / (t rho^2) log(sqrt(t rho^2 + 1) / alpha))}.
   *
   * @param t the sample size so far, {@code > 0}
   * @param alpha the two-sided error rate over all looks, in (0, 1)
   * @param plannedSize {@code t*}, the size at which the sequence is tightest, {@code > 0}
   * @return the factor ({@code > z_(1 - alpha / 2)})
   */
  public static double factor(double t, double alpha, double plannedSize) {
    double logAlpha = -2 * Math.log(alpha);
    double rho2 = (logAlpha + Math.log(logAlpha + 1)) / plannedSize;
    double tr = t * rho2;
    return Math.sqrt(2 * (tr + 1) / tr * Math.log(Math.sqrt(tr + 1) / alpha));
  }

  /**
   * The smallest size {@code t} at which {@code sd x factor(t) / sqrt(t) < gap}: when a sample's standard deviation
   * stays {@code sd}, the size at which the sequence would clear a margin {@code gap} away from the estimate.
   *
   * @param sd the per-observation standard deviation of the estimate ({@code SE x sqrt(t)})
   * @param gap the distance from the estimate to the margin, {@code > 0}
   * @param alpha the error rate
   * @param plannedSize {@code t*}
   * @return the size, at most {@code 1e12}
   */
  public static long sizeToClear(double sd, double gap, double alpha, double plannedSize) {
    double limit = 1e12;
    if (!(sd * factor(limit, alpha, plannedSize) / Math.sqrt(limit) < gap)) {
      return (long) limit;
    }
    double lo = 1;
    double hi = 2;
    while (!(sd * factor(hi, alpha, plannedSize) / Math.sqrt(hi) < gap)) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      double mid = Math.floor((lo + hi) / 2);
      if (sd * factor(mid, alpha, plannedSize) / Math.sqrt(mid) < gap) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (long) hi;
  }
}
