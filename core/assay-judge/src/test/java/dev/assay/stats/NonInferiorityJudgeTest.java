/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonInferiorityJudgeTest {
  private static final NonInferiorityJudge JUDGE = NonInferiorityJudge.withDefaults();

  /** Log-normal latencies around {@code median}, from a seeded generator. */
  static double[] latencies(int n, double median, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      // Box-Muller from the seeded generator: deterministic
      double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
      out[i] = Math.round(median * Math.exp(0.25 * g) * 10) / 10.0;
    }
    return out;
  }

  static double[] repeat(double value, int times) {
    double[] out = new double[times];
    Arrays.fill(out, value);
    return out;
  }

  static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void kayentasReportedMissIsNotPassedByTheDefaultRule() {
    double[] canary = concat(repeat(100, 7), repeat(1, 3));
    double[] baseline = repeat(1, 10);

    Verdict kayenta = KayentaJudge.withDefaults().judge(canary, baseline);
    Verdict ours = JUDGE.judge(canary, baseline);

    assertThat(kayenta.decision()).isEqualTo(Decision.PASS);
    assertThat(ours.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(ours.statistics().relativeHigh()).isGreaterThan(0.20);
    assertThat(ours.statistics().relativeShift()).isCloseTo(99.0, within(0.01));
    // 70% of the pairwise log differences lie above log(1.2): the interval clears the margin at 24 per sample
    assertThat(ours.statistics().minSampleSize()).isEqualTo(24);
    assertThat(ours.reason()).contains("contains the +20% margin").contains("about 24 values per sample");
  }

  @Test
  void kayentasMissFailsOnceTheProjectedSampleSizeIsReached() {
    double[] canary = concat(repeat(100, 17), repeat(1, 7));
    double[] baseline = repeat(1, 24);

    Verdict v = JUDGE.judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().relativeLow()).isGreaterThan(0.20);
    assertThat(v.reason()).endsWith("lies above the +20% margin: fail");
  }

  @Test
  void fortyPercentSlowerCanaryFailsWithAnExplanation() {
    double[] baseline = latencies(60, 150, 1);
    double[] canary = Arrays.stream(latencies(60, 150, 2)).map(v -> v * 1.41).toArray();

    Verdict v = JUDGE.withUnit("ms").judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().scale()).isEqualTo("log");
    assertThat(v.statistics().relativeLow()).isGreaterThan(0.2);
    assertThat(v.statistics().relativeShift()).isBetween(0.25, 0.6);
    assertThat(v.reason()).matches("canary median [0-9.]+ ms vs baseline median [0-9.]+ ms; shift \\+[0-9.]+%, "
        + "98% CI \\[\\+[0-9.]+%, \\+[0-9.]+%\\] lies above the \\+20% margin: fail");
  }

  @Test
  void equivalentCanaryPasses() {
    double[] baseline = latencies(400, 150, 3);
    double[] canary = Arrays.stream(latencies(400, 150, 4)).map(v -> v * 1.02).toArray();

    Verdict v = JUDGE.judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.PASS);
    assertThat(v.statistics().relativeHigh()).isLessThan(0.2);
    assertThat(v.statistics().minSampleSize()).isZero();
    assertThat(v.reason()).endsWith("lies below the +20% margin: pass");
  }

  @Test
  void noisySmallSampleIsInconclusiveNotPass() {
    double[] baseline = {100, 180, 120, 260, 90, 150};
    double[] canary = {110, 240, 95, 300, 130, 170};

    Verdict v = JUDGE.judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.statistics().exact()).isTrue();
    assertThat(v.statistics().minSampleSize()).isGreaterThan(6);
  }

  @Test
  void tooFewValuesGiveTheComputedMinimum() {
    Verdict v = JUDGE.judge(new double[] {1, 2, 3}, new double[] {1, 2, 3, 4});

    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    // C(10, 5) = 252 is the first central binomial coefficient with 2 / C <= 0.02
    assertThat(v.statistics().minSampleSize()).isEqualTo(5);
    assertThat(JUDGE.withConfidence(0.95).judge(new double[] {1, 2, 3}, new double[] {1, 2, 3}).statistics()
        .minSampleSize()).isEqualTo(4);
    assertThat(v.reason()).contains("cannot reach 98% confidence; at least 5 per sample");
  }

  @Test
  void emptyAndNanOnlySamplesAreInconclusive() {
    Verdict v = JUDGE.judge(new double[] {Double.NaN, Double.NaN}, latencies(20, 10, 5));

    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.statistics().nCanary()).isZero();
    assertThat(v.statistics().nBaseline()).isEqualTo(20);
    assertThat(v.reason()).isEqualTo("no data: the canary has no values; dropped 2 canary NaN values as missing "
        + "data; at least 5 per sample are needed: inconclusive");
    assertThat(v.statistics().droppedValues()).isEqualTo(2);
  }

  @Test
  void nanIsDroppedAndInfinityKeptAsTheWorstValueBothCounted() {
    double[] canary = concat(latencies(30, 100, 6), new double[] {Double.NaN, Double.POSITIVE_INFINITY});

    Verdict v = JUDGE.judge(canary, latencies(30, 100, 7));

    assertThat(v.statistics().nCanary()).isEqualTo(31);
    assertThat(v.statistics().droppedValues()).isEqualTo(1);
    assertThat(v.statistics().infiniteValues()).isEqualTo(1);
    assertThat(v.statistics().pValue()).isBetween(0.0, 1.0);
    assertThat(v.reason()).contains("dropped 1 canary NaN value as missing data",
        "1 canary value is +inf, ranked above every finite value (the worst when lower is better)");
  }

  @Test
  void identicalConstantSamplesPassDeterministically() {
    Verdict v = JUDGE.judge(repeat(5, 10), repeat(5, 10));

    assertThat(v.decision()).isEqualTo(Decision.PASS);
    assertThat(v.statistics().relativeLow()).isZero();
    assertThat(v.statistics().relativeHigh()).isZero();
    assertThat(v.statistics().pValue()).isNaN();
  }

  @Test
  void differentConstantSamplesAreComparedExactly() {
    Verdict v = JUDGE.judge(repeat(13, 10), repeat(10, 10));

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().relativeShift()).isCloseTo(0.3, within(1e-12));
    assertThat(JUDGE.judge(repeat(11, 10), repeat(10, 10)).decision()).isEqualTo(Decision.PASS);
  }

  @Test
  void zerosSwitchToTheBaselineMedianScale() {
    double[] baseline = {0, 2, 3, 4, 5, 4, 3, 2, 3, 4, 5, 3, 2, 4, 3, 3, 4, 2, 3, 4};
    double[] canary = {0, 6, 8, 7, 9, 6, 7, 8, 9, 7, 6, 8, 7, 9, 8, 7, 6, 8, 7, 9};

    Verdict v = JUDGE.judge(canary, baseline);

    assertThat(v.statistics().scale()).isEqualTo("absolute");
    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.reason()).contains("of the baseline median");
  }

  @Test
  void zeroBaselineMedianLeavesTheShiftUndefined() {
    Verdict v = JUDGE.judge(repeat(1, 10), concat(repeat(0, 7), repeat(1, 3)));

    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.reason()).contains("relative shift is undefined");
  }

  @Test
  void decreaseDirectionFailsALowerThroughput() {
    double[] baseline = latencies(80, 1000, 8);
    double[] canary = Arrays.stream(latencies(80, 1000, 9)).map(v -> v * 0.6).toArray();
    NonInferiorityJudge judge = JUDGE.with(Direction.DECREASE);

    assertThat(judge.judge(canary, baseline).decision()).isEqualTo(Decision.FAIL);
    assertThat(judge.judge(baseline, canary).decision()).isEqualTo(Decision.PASS);
    assertThat(JUDGE.with(Direction.EITHER).judge(baseline, canary).decision()).isEqualTo(Decision.FAIL);
    assertThat(judge.judge(canary, baseline).reason()).contains("lies below the -20% margin");
  }

  @Test
  void eitherDirectionPassesOnlyInsideTheMargin() {
    double[] baseline = latencies(300, 50, 10);
    double[] canary = latencies(300, 50, 11);

    Verdict v = JUDGE.with(Direction.EITHER).judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.PASS);
    assertThat(v.reason()).contains("lies inside the +-20% margin");
  }

  @Test
  void theSameInputGivesTheSameVerdict() {
    double[] canary = latencies(500, 120, 12);
    double[] baseline = latencies(500, 118, 13);

    assertThat(JUDGE.judge(canary, baseline)).isEqualTo(JUDGE.judge(canary.clone(), baseline.clone()));
  }

  @Test
  void withersReturnNewValidatedInstances() {
    NonInferiorityJudge strict = JUDGE.withMargin(0.05).withConfidence(0.95);

    assertThat(strict).isNotSameAs(JUDGE);
    assertThat(JUDGE.toString()).contains("margin=0.2").contains("confidence=0.98");
    assertThat(strict.toString()).contains("margin=0.05").contains("confidence=0.95");
    assertThatThrownBy(() -> JUDGE.withMargin(0)).hasMessage("margin must be > 0 and finite, but was 0.0");
    assertThatThrownBy(() -> JUDGE.withConfidence(1)).hasMessageContaining("confidence must be in (0, 1)");
    assertThatThrownBy(() -> JUDGE.withMargin(1.5).with(Direction.DECREASE))
        .hasMessage("margin must be < 1 when direction is decrease, but was 1.5");
  }

  @Test
  void toResultHasStablePlainKeys() {
    Map<String, Object> result = JUDGE.judge(latencies(40, 100, 14), latencies(40, 100, 15)).toResult();

    assertThat(result).containsKeys("verdict", "pValue", "ratio", "ci", "shift", "nCanary", "nBaseline",
        "medianCanary", "medianBaseline", "u", "z", "rule", "reason", "minSampleSize");
    assertThat(result.get("verdict")).isIn("pass", "fail", "inconclusive");
    assertThat(result.get("rule")).isEqualTo("non-inferiority");
    assertThat(result.get("nCanary")).isEqualTo(40L);
    assertThat(result.get("ci")).isInstanceOf(List.class);
    assertThat((List<?>) result.get("ci")).hasSize(2).allMatch(Double.class::isInstance);
    assertThat((double) result.get("ratio")).isCloseTo(1 + (double) result.get("shift"), within(1e-12));
    assertThat(result.values()).allMatch(v -> v instanceof String || v instanceof Double || v instanceof Long
        || v instanceof Boolean || v instanceof List);
    assertThatThrownBy(() -> result.put("verdict", "pass")).isInstanceOf(UnsupportedOperationException.class);
  }
}
