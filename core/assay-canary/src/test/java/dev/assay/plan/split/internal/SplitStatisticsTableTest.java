/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table of docs/split-verification.md ("Choosing alpha"), recomputed: at alpha 0.001, the canary counts a check
 * calls consistent, and the true shares (on a grid of 0.5 percentage points) it calls broken at least 9 times in 10.
 * A change to the test or to the defaults that moves a number shows here, and the page must follow.
 */
class SplitStatisticsTableTest {
  private static final double ALPHA = 0.001;

  /** P(broken) when the true share is {@code q}: the chance of a count outside {@code [low, high]}. */
  private static double power(int n, int low, int high, double q) {
    BinomialDistribution d = new BinomialDistribution(n, q);
    return (low > 0 ? d.cumulativeProbability(low - 1) : 0) + (1 - d.cumulativeProbability(high));
  }

  /** The first share from the weight outwards, in half-point steps, detected 9 times in 10; -1 when none is. */
  private static double detectable(int n, int weight, int[] range, int direction) {
    for (int halfPoints = 2 * weight; halfPoints >= 0 && halfPoints <= 200; halfPoints += direction) {
      double q = halfPoints / 200.0;
      if (power(n, range[0], range[1], q) >= 0.9) {
        return halfPoints / 2.0;
      }
    }
    return -1;
  }

  @ParameterizedTest(name = "{0}% with {1} requests")
  @CsvSource({
      "5, 100, 0, 13, -1, 18.5", "10, 100, 2, 21, 0.5, 27.5", "25, 100, 12, 40, 7.5, 47", "50, 100, 34, 66, 27.5, 72.5",
      "5, 200, 2, 21, 0, 14", "10, 200, 8, 35, 2, 21.5", "25, 200, 31, 71, 12, 40.5", "50, 200, 77, 123, 33.5, 66.5",
      "5, 1000, 29, 74, 2, 9", "10, 1000, 70, 132, 5.5, 15", "25, 1000, 206, 296, 18.5, 32",
      "50, 1000, 448, 552, 42.5, 57.5"})
  void rowsOfTheTable(int weight, int n, int low, int high, double below, double above) {
    int[] range = TwoSidedBinomial.consistentCounts(n, weight / 100.0, ALPHA);

    assertThat(range).containsExactly(low, high);
    assertThat(detectable(n, weight, range, -1)).isEqualTo(below);
    assertThat(detectable(n, weight, range, +1)).isEqualTo(above);
  }

  @ParameterizedTest(name = "{0}% needs {1} requests to be told from 0%")
  @CsvSource({"1, 757", "2, 379", "5, 145", "10, 73", "25, 26"})
  void requestsNeededToTellAWeightFromZero(int weight, int needed) {
    assertThat(TwoSidedBinomial.pValue(0, needed, weight / 100.0)).isLessThan(ALPHA);
    assertThat(TwoSidedBinomial.pValue(0, needed - 1, weight / 100.0)).isGreaterThanOrEqualTo(ALPHA);
    // and the same from 100% at 100 - weight
    assertThat(TwoSidedBinomial.pValue(needed, needed, 1 - weight / 100.0)).isLessThan(ALPHA);
  }

  @ParameterizedTest(name = "alpha 0.05 at {0}%")
  @CsvSource({"5, 1, 9", "25, 17, 33"})
  void alphaFivePercentForComparison(int weight, int low, int high) {
    assertThat(TwoSidedBinomial.consistentCounts(100, weight / 100.0, 0.05)).containsExactly(low, high);
  }
}
