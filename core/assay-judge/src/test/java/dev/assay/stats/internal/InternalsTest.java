/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats.internal;

import dev.assay.stats.Formats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InternalsTest {
  @Test
  void exactDistributionOfTwoAgainstTwo() {
    // U over the 6 arrangements: 0, 1, 2, 2, 3, 4
    ExactRankSumDistribution d = new ExactRankSumDistribution(2, 2);

    assertThat(d.cumulative(0, true)).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(d.cumulative(2, true)).isCloseTo(4.0 / 6, within(1e-15));
    assertThat(d.cumulative(2, false)).isCloseTo(2.0 / 6, within(1e-15));
    assertThat(d.cumulative(-1, true)).isZero();
    assertThat(d.cumulative(4, true)).isEqualTo(1.0);
    assertThat(d.quantile(0.2)).isEqualTo(1);
    assertThat(d.quantile(0.9)).isEqualTo(4);
    assertThatThrownBy(() -> new ExactRankSumDistribution(0, 3)).hasMessageContaining("m=0, n=3");
  }

  @Test
  void exactDistributionIsSymmetricAndSumsToOne() {
    ExactRankSumDistribution d = new ExactRankSumDistribution(7, 11);

    for (int q = 0; q < 77; q++) {
      assertThat(d.cumulative(q, true)).isCloseTo(d.cumulative(76 - q, false), within(1e-15));
    }
    assertThat(d.cumulative(77, true)).isEqualTo(1.0);
  }

  @Test
  void recentTablesAreReused() {
    ExactRankSumDistribution first = ExactRankSumDistribution.of(12, 9);

    assertThat(ExactRankSumDistribution.of(12, 9)).isSameAs(first);
    assertThat(first.cumulative(40, true)).isEqualTo(new ExactRankSumDistribution(12, 9).cumulative(40, true));
    assertThat(ExactRankSumDistribution.of(9, 12)).isNotSameAs(first);
  }

  @Test
  void brentFindsRootsAndAcceptsEndpoints() {
    double root = BrentRoot.find(x -> x * x - 2, 0, 2, -2, 2, 1e-12, 1000);

    assertThat(root).isCloseTo(Math.sqrt(2), within(1e-11));
    assertThat(BrentRoot.find(x -> x - 1, 1, 3, 0, 2, 1e-9, 1000)).isEqualTo(1.0);
    assertThat(BrentRoot.find(x -> x - 3, 1, 3, -2, 0, 1e-9, 1000)).isEqualTo(3.0);
  }

  @Test
  void percentilesFollowRType7() {
    double[] s = Samples.sorted(new double[] {3.5, 1.25, 9, 2, 7.75});

    // R: quantile(c(3.5, 1.25, 9, 2, 7.75), c(.01, .1, .5, .9, .99))
    assertThat(Samples.percentile(s, 0.01)).isCloseTo(1.28, within(1e-12));
    assertThat(Samples.percentile(s, 0.10)).isCloseTo(1.55, within(1e-12));
    assertThat(Samples.percentile(s, 0.50)).isEqualTo(3.5);
    assertThat(Samples.percentile(s, 0.90)).isCloseTo(8.5, within(1e-12));
    assertThat(Samples.percentile(s, 0.99)).isCloseTo(8.95, within(1e-12));
    assertThat(Samples.median(s)).isEqualTo(3.5);
    assertThat(Samples.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
    assertThat(Samples.median(new double[0])).isNaN();
  }

  @Test
  void cleaningAndPairwiseFractions() {
    assertThat(Samples.clean(new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 2}, false)).containsExactly(1, 2);
    assertThat(Samples.clean(new double[] {1, Double.NaN, 2}, true)).containsExactly(1, 0, 2);
    double[] x = {1, 2, 3};
    double[] y = {0, 1, 2};
    // differences: 1 0 -1 / 2 1 0 / 3 2 1
    assertThat(Samples.differenceFraction(x, y, 1, true)).isCloseTo(3.0 / 9, within(1e-15));
    assertThat(Samples.differenceFraction(x, y, 1, false)).isCloseTo(3.0 / 9, within(1e-15));
    assertThat(Samples.differenceFraction(x, y, 0.5, false)).isCloseTo(6.0 / 9, within(1e-15));
  }

  @Test
  void sampleSizesFromTheExactDistribution() {
    assertThat(SampleSizes.canReach(5, 5, 0.98)).isTrue();
    assertThat(SampleSizes.canReach(4, 4, 0.98)).isFalse();
    assertThat(SampleSizes.canReach(1, 99, 0.98)).isTrue();
    assertThat(SampleSizes.canReach(1, 98, 0.98)).isFalse();
    assertThat(SampleSizes.canReach(0, 98, 0.5)).isFalse();
    assertThat(SampleSizes.minimumEqualSize(0.98)).isEqualTo(5);
    assertThat(SampleSizes.minimumEqualSize(0.95)).isEqualTo(4);
    assertThat(SampleSizes.projectedEqualSize(0.7, 2.3263478740408408)).isEqualTo(24);
    assertThat(SampleSizes.projectedEqualSize(0.5, 2.3263478740408408)).isEqualTo(SampleSizes.NEVER);
  }

  @Test
  void formatsAreShortAndStable() {
    assertThat(Formats.number(212.0)).isEqualTo("212");
    assertThat(Formats.number(0.015349)).isEqualTo("0.01535");
    assertThat(Formats.number(Double.NaN)).isEqualTo("NaN");
    assertThat(Formats.percent(0.4123)).isEqualTo("+41.2%");
    assertThat(Formats.percent(-0.2)).isEqualTo("-20%");
    assertThat(Formats.level(0.98)).isEqualTo("98%");
  }
}
