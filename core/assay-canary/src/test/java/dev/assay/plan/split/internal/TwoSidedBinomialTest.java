/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two-sided p-values, checked against values worked out by hand and against an exact computation in
 * {@link BigDecimal} written here independently of commons-math3: every outcome's probability
 * {@code C(n, j) p^j (1-p)^(n-j)} exactly, summed over the outcomes no more likely than the one observed (with R's
 * relative tolerance of 1e-7 for ties).
 */
class TwoSidedBinomialTest {
  private static final MathContext MC = new MathContext(60);

  /** Exact P(X = j) for X ~ Binomial(n, p), p given as a decimal string (exact). */
  private static BigDecimal pmf(int n, int j, BigDecimal p) {
    BigInteger choose = BigInteger.ONE;
    for (int i = 0; i < j; i++) {
      choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return new BigDecimal(choose).multiply(p.pow(j)).multiply(BigDecimal.ONE.subtract(p).pow(n - j));
  }

  /** The two-sided p-value by the definition, in exact arithmetic. */
  static double exactTwoSided(int k, int n, String p) {
    BigDecimal prob = new BigDecimal(p);
    BigDecimal observed = pmf(n, k, prob);
    BigDecimal bound = observed.multiply(new BigDecimal("1.0000001"));
    BigDecimal sum = BigDecimal.ZERO;
    for (int j = 0; j <= n; j++) {
      BigDecimal pj = pmf(n, j, prob);
      if (pj.compareTo(bound) <= 0) {
        sum = sum.add(pj);
      }
    }
    return sum.round(MC).min(BigDecimal.ONE).doubleValue();
  }

  @Test
  void smallCasesWorkedOutByHand() {
    // n = 4, p = 1/4: P = 81, 108, 54, 12, 1 (/256).
    assertThat(TwoSidedBinomial.pValue(0, 4, 0.25)).isCloseTo((81 + 54 + 12 + 1) / 256.0, within(1e-12));
    assertThat(TwoSidedBinomial.pValue(1, 4, 0.25)).isCloseTo(1.0, within(1e-12));
    assertThat(TwoSidedBinomial.pValue(2, 4, 0.25)).isCloseTo((54 + 12 + 1) / 256.0, within(1e-12));
    assertThat(TwoSidedBinomial.pValue(4, 4, 0.25)).isCloseTo(1 / 256.0, within(1e-15));
    // n = 10, p = 1/2: 0 or 10 successes are each 1/1024.
    assertThat(TwoSidedBinomial.pValue(0, 10, 0.5)).isCloseTo(2 / 1024.0, within(1e-15));
    assertThat(TwoSidedBinomial.pValue(10, 10, 0.5)).isCloseTo(2 / 1024.0, within(1e-15));
    // n = 2, p = 1/2: P = 1/4, 1/2, 1/4; the middle one is the likeliest.
    assertThat(TwoSidedBinomial.pValue(0, 2, 0.5)).isCloseTo(0.5, within(1e-15));
    assertThat(TwoSidedBinomial.pValue(1, 2, 0.5)).isCloseTo(1.0, within(1e-15));
  }

  @ParameterizedTest(name = "{0} of {1} at {2}")
  @CsvSource({
      "7, 100, 0.05", "5, 100, 0.05", "0, 100, 0.05", "13, 100, 0.05", "14, 100, 0.05", "100, 100, 0.05",
      "0, 200, 0.25", "38, 200, 0.25", "62, 200, 0.25", "40, 100, 0.5", "50, 100, 0.5", "67, 100, 0.5",
      "1, 20, 0.1", "25, 100, 0.25", "3, 1000, 0.01", "30, 1000, 0.01", "0, 1, 0.05", "1, 1, 0.05"})
  void matchesTheExactSum(int k, int n, String p) {
    double exact = exactTwoSided(k, n, p);
    double ours = TwoSidedBinomial.pValue(k, n, Double.parseDouble(p));

    assertThat(ours).as("p-value of %d of %d at %s", k, n, p)
        .isCloseTo(exact, within(Math.max(1e-12, exact * 1e-9)));
  }

  @Test
  void independentSumsAgreeWithCommonsMath() {
    BinomialTest commons = new BinomialTest();
    assertThat(exactTwoSided(7, 100, "0.05")).isCloseTo(
        commons.binomialTest(100, 7, 0.05, AlternativeHypothesis.TWO_SIDED), within(1e-12));
    assertThat(exactTwoSided(0, 200, "0.25")).isCloseTo(
        commons.binomialTest(200, 0, 0.25, AlternativeHypothesis.TWO_SIDED), within(1e-30));
    assertThat(exactTwoSided(62, 200, "0.25")).isCloseTo(
        commons.binomialTest(200, 62, 0.25, AlternativeHypothesis.TWO_SIDED), within(1e-12));
  }

  @Test
  void theEndsAreExact() {
    assertThat(TwoSidedBinomial.pValue(0, 100, 0)).isEqualTo(1.0);
    assertThat(TwoSidedBinomial.pValue(1, 100, 0)).isEqualTo(0.0);
    assertThat(TwoSidedBinomial.pValue(100, 100, 1)).isEqualTo(1.0);
    assertThat(TwoSidedBinomial.pValue(99, 100, 1)).isEqualTo(0.0);
    assertThat(TwoSidedBinomial.pValue(0, 0, 0.05)).isEqualTo(1.0);
  }

  @Test
  void kZeroAndKEqualToN() {
    // 0 of 100 at 5%: 0.95^100 = 0.00592..., plus the counts that are rarer still (12 and more).
    assertThat(TwoSidedBinomial.pValue(0, 100, 0.05)).isCloseTo(exactTwoSided(0, 100, "0.05"), within(1e-12))
        .isGreaterThan(Math.pow(0.95, 100));
    assertThat(TwoSidedBinomial.pValue(100, 100, 0.5)).isCloseTo(2 * Math.pow(0.5, 100), within(1e-40));
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThatThrownBy(() -> TwoSidedBinomial.pValue(3, 2, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 of 2");
    assertThatThrownBy(() -> TwoSidedBinomial.pValue(1, 2, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TwoSidedBinomial.pValue(1, 2, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void consistentCountsAreTheCountsWhosePValueIsAtLeastAlpha() {
    for (double p : new double[] {0.05, 0.25, 0.5}) {
      int[] range = TwoSidedBinomial.consistentCounts(100, p, 0.001);
      for (int k = 0; k <= 100; k++) {
        boolean inside = k >= range[0] && k <= range[1];
        assertThat(TwoSidedBinomial.pValue(k, 100, p) >= 0.001).as("k = %d at %s", k, p).isEqualTo(inside);
      }
    }
    assertThat(TwoSidedBinomial.consistentCounts(100, 0, 0.001)).containsExactly(0, 0);
    assertThat(TwoSidedBinomial.consistentCounts(100, 1, 0.001)).containsExactly(100, 100);
  }
}
