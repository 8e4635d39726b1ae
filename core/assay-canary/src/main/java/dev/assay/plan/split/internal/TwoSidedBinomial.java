/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * The exact two-sided binomial test of a split: the probability, if each response went to the canary with
 * probability {@code p}, of a count at least as unlikely as the one seen (the sum of the probabilities of every count
 * whose probability is at most that of the observed one, as R's {@code binom.test} does). commons-math3 computes it
 * for {@code 0 < p < 1}; the ends are exact: at {@code p = 0} any canary response is impossible (p-value 0), and the
 * same for any stable response at {@code p = 1}. See docs/split-verification.md, "The statistics".
 */
public final class TwoSidedBinomial {
  private static final BinomialTest TEST = new BinomialTest();

  private TwoSidedBinomial() {}

  /**
   * The two-sided p-value.
   *
   * @param successes the canary responses, 0 to {@code trials}
   * @param trials the classified responses, at least 0 (no response at all gives 1)
   * @param p the canary share that was set, 0 to 1
   * @return the p-value, 0 to 1
   * @throws IllegalArgumentException when an argument is out of range
   */
  public static double pValue(int successes, int trials, double p) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, but got " + successes + " of " + trials);
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1, but was " + p);
    }
    if (trials == 0) {
      return 1;
    }
    if (p == 0) {
      return successes == 0 ? 1 : 0;
    }
    if (p == 1) {
      return successes == trials ? 1 : 0;
    }
    // commons-math3 adds the middle outcome twice when it is tied with itself; a p-value is at most 1.
    return Math.min(1, TEST.binomialTest(trials, successes, p, AlternativeHypothesis.TWO_SIDED));
  }

  /**
   * The counts a correct split passes: every {@code k} with {@code pValue(k, trials, p) >= alpha}. The set is an
   * interval because the distribution is unimodal.
   *
   * @param trials the classified responses, at least 1
   * @param p the canary share that was set, 0 to 1
   * @param alpha the significance level
   * @return {@code {lowest, highest}}
   */
  public static int[] consistentCounts(int trials, double p, double alpha) {
    // The p-value grows towards the mode on either side, so walk out from the mode to the last count that passes.
    int mode = (int) Math.min(trials, Math.floor((trials + 1) * p));
    int low = mode;
    while (low > 0 && pValue(low - 1, trials, p) >= alpha) {
      low--;
    }
    int high = mode;
    while (high < trials && pValue(high + 1, trials, p) >= alpha) {
      high++;
    }
    return new int[] {low, high};
  }
}
