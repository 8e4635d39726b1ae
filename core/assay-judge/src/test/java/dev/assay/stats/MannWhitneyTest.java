/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {
  private static double[] normal(int n, double mean, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
    return out;
  }

  @Test
  void withoutTiesOrCorrectionItAgreesWithCommonsMath() {
    double[] x = normal(300, 0.1, 31);
    double[] y = normal(250, 0, 32);

    MannWhitneyResult r = MannWhitney.withDefaults().with(PValueMethod.NORMAL).withCorrect(false).test(x, y);

    assertThat(r.ties()).isFalse();
    assertThat(r.pValue()).isCloseTo(new MannWhitneyUTest().mannWhitneyUTest(x, y), within(1e-12));
  }

  @Test
  void statisticEqualsTheRankSumFromCommonsMathRanking() {
    NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
    for (long seed = 0; seed < 20; seed++) {
      double[] x = normal(30 + (int) seed, 0.2, seed);
      double[] y = normal(45, 0, seed + 100);
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.rint(x[i] * 4) / 4 + 0.0; // NaturalRanking would rank -0.0 below 0.0; R ties them
      }
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.rint(y[i] * 4) / 4 + 0.0;
      }
      double mu = seed % 3 == 0 ? 0.25 : 0;
      double[] combined = new double[x.length + y.length];
      for (int i = 0; i < x.length; i++) {
        combined[i] = x[i] - mu;
      }
      System.arraycopy(y, 0, combined, x.length, y.length);
      double[] ranks = ranking.rank(combined);
      double rankSum = 0;
      for (int i = 0; i < x.length; i++) {
        rankSum += ranks[i];
      }

      MannWhitneyResult r = MannWhitney.withDefaults().withMu(mu).test(x, y);

      assertThat(r.statistic()).isEqualTo(rankSum - x.length * (x.length + 1) / 2.0);
      assertThat(r.ties()).isTrue();
    }
  }

  @Test
  void exactIsTheDefaultForSmallUntiedSamplesOnly() {
    assertThat(MannWhitney.withDefaults().test(normal(49, 0, 33), normal(49, 0, 34)).exact()).isTrue();
    assertThat(MannWhitney.withDefaults().test(normal(50, 0, 35), normal(10, 0, 36)).exact()).isFalse();
    assertThat(MannWhitney.withDefaults().test(new double[] {1, 2, 2}, new double[] {3, 4}).exact()).isFalse();
  }

  @Test
  void inputsAreNotModifiedAndNonFiniteValuesAreDropped() {
    double[] x = {3, Double.NaN, 1, Double.NEGATIVE_INFINITY, 2};
    double[] y = {0.5, 4.5};

    MannWhitneyResult r = MannWhitney.withDefaults().test(x, y);

    assertThat(x).containsExactly(3, Double.NaN, 1, Double.NEGATIVE_INFINITY, 2);
    assertThat(r.nx()).isEqualTo(3);
    assertThat(r.statistic()).isEqualTo(3.0);
  }

  @Test
  void rejectsSamplesWithoutFiniteValues() {
    assertThatThrownBy(() -> MannWhitney.withDefaults().test(new double[] {Double.NaN}, new double[] {1}))
        .isInstanceOf(StatisticsException.class)
        .hasMessage("x must contain at least one finite value, but had 0 of 1");
    assertThatThrownBy(() -> MannWhitney.withDefaults().test(new double[] {1}, new double[0]))
        .hasMessage("y must contain at least one finite value, but had 0 of 0");
  }

  @Test
  void forcedExactIsLimitedToSmallTables() {
    assertThatThrownBy(() -> MannWhitney.withDefaults().with(PValueMethod.EXACT)
        .test(normal(101, 0, 37), normal(100, 0, 38)))
        .isInstanceOf(StatisticsException.class)
        .hasMessageContaining("nx * ny <= 10000, but nx=101, ny=100");
  }

  @Test
  void withersValidateAndKeepTheOriginal() {
    MannWhitney base = MannWhitney.withDefaults();
    MannWhitney changed = base.with(Alternative.GREATER).withMu(2).withConfLevel(0.9);

    assertThat(base.toString()).contains("alternative=two.sided").contains("mu=0.0");
    assertThat(changed.toString()).contains("alternative=greater").contains("mu=2.0").contains("confLevel=0.9");
    assertThatThrownBy(() -> base.withConfLevel(0)).hasMessage("confLevel must be in (0, 1), but was 0.0");
    assertThatThrownBy(() -> base.withMu(Double.NaN)).hasMessage("mu must be finite, but was NaN");
    assertThatThrownBy(() -> Alternative.fromRName("two-sided"))
        .hasMessage("alternative must be one of two.sided, less, greater, but was 'two-sided'");
    assertThat(Alternative.fromRName("less")).isEqualTo(Alternative.LESS);
  }

  @Test
  void largeSamplesStayFastEnoughForTheNormalPath() {
    double[] x = normal(20_000, 0, 39);
    double[] y = normal(20_000, 0.02, 40);

    MannWhitneyResult r = MannWhitney.withDefaults().test(x, y);

    assertThat(r.confLow()).isLessThan(r.estimate());
    assertThat(r.estimate()).isLessThan(r.confHigh());
    assertThat(r.estimate()).isCloseTo(-0.02, within(0.05));
  }
}
