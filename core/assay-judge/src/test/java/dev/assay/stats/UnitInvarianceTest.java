/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Verdicts do not depend on units: multiplying every value by 1e-4, 1 or 1e4 gives the same verdict on 1,000 seeded
 * random cases, for both rank judges. The cases mix the shapes that broke it: error ratios near 1e-4, 0/1 flags,
 * tied integer counts, values around 0 and continuous latencies.
 */
class UnitInvarianceTest {
  private static final double[] FACTORS = {1e-4, 1, 1e4};

  @Test
  void thousandRandomCasesGetTheSameVerdictsInAnyUnit() {
    SplittableRandom random = new SplittableRandom(20261203);
    List<CanaryJudge> judges = List.of(NonInferiorityJudge.withDefaults(),
        NonInferiorityJudge.withDefaults().with(Direction.EITHER).withMargin(0.1), KayentaJudge.withDefaults(),
        KayentaJudge.of(KayentaJudgeConfig.builder().direction(Direction.INCREASE).build()));
    List<String> differences = new ArrayList<>();
    int decided = 0;
    for (int i = 0; i < 1000; i++) {
      double[][] pair = randomCase(random, i % 5);
      for (CanaryJudge judge : judges) {
        Verdict reference = judge.judge(pair[0], pair[1]);
        if (reference.decision() != Decision.INCONCLUSIVE) {
          decided++;
        }
        for (double f : FACTORS) {
          Verdict scaled = judge.judge(times(pair[0], f), times(pair[1], f));
          if (scaled.decision() != reference.decision()
              || !scaled.statistics().classification().equals(reference.statistics().classification())) {
            differences.add("case " + i + " " + judge + " x" + f + ": " + reference.reason() + " <> "
                + scaled.reason());
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    assertThat(decided).as("cases that decide, so the check means something").isGreaterThan(1000);
  }

  @Test
  void kayentaDecidesFlagsWithoutRootFinderNoise() {
    SplittableRandom random = new SplittableRandom(7);
    double[] canary = flags(random, 2000, 0.03);
    double[] baseline = flags(random, 2000, 0.01);

    JudgeStatistics s = KayentaJudge.withDefaults().judge(canary, baseline).statistics();

    // every pairwise difference of flags is -1, 0 or 1: so are the estimate and the bounds
    assertThat(s.shift()).isEqualTo(0.0);
    assertThat(s.shiftLow()).isIn(-1.0, 0.0, 1.0);
    assertThat(s.shiftHigh()).isIn(-1.0, 0.0, 1.0);
    assertThat(s.shiftLow()).isLessThanOrEqualTo(s.shift());
    assertThat(s.shiftHigh()).isGreaterThanOrEqualTo(s.shift());
  }

  private static double[][] randomCase(SplittableRandom r, int shape) {
    int m = 1 + r.nextInt(60);
    int n = 1 + r.nextInt(60);
    double shift = new double[] {1, 1.05, 1.3, 2, 0.7}[r.nextInt(5)];
    double[] c = new double[m];
    double[] b = new double[n];
    switch (shape) {
      case 0: // error ratios near 1e-4
        fill(c, () -> Math.max(0, 1e-4 * shift * (1 + 0.5 * gaussian(r))));
        fill(b, () -> Math.max(0, 1e-4 * (1 + 0.5 * gaussian(r))));
        break;
      case 1: // 0/1 flags
        return new double[][] {flags(r, m * 20, 0.05 * shift), flags(r, n * 20, 0.05)};
      case 2: // tied integer counts with zeros
        fill(c, () -> Math.floor(3 * shift * r.nextDouble() * 2));
        fill(b, () -> Math.floor(3 * r.nextDouble() * 2));
        break;
      case 3: // values around 0
        fill(c, () -> gaussian(r) + shift - 1);
        fill(b, () -> gaussian(r));
        break;
      default: // latencies
        fill(c, () -> 150 * shift * Math.exp(0.3 * gaussian(r)));
        fill(b, () -> 150 * Math.exp(0.3 * gaussian(r)));
    }
    return new double[][] {c, b};
  }

  private static double[] flags(SplittableRandom r, int n, double rate) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextDouble() < rate ? 1 : 0;
    }
    return out;
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static void fill(double[] a, java.util.function.DoubleSupplier s) {
    for (int i = 0; i < a.length; i++) {
      a[i] = s.getAsDouble();
    }
  }

  private static double[] times(double[] a, double f) {
    return Arrays.stream(a).map(v -> v * f).toArray();
  }
}
