/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static dev.assay.stats.NonInferiorityJudgeTest.concat;
import static dev.assay.stats.NonInferiorityJudgeTest.latencies;
import static dev.assay.stats.NonInferiorityJudgeTest.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KayentaJudgeTest {
  private static final KayentaJudge DEFAULTS = KayentaJudge.withDefaults();

  private static KayentaJudge judge(KayentaJudgeConfig.Builder builder) {
    return KayentaJudge.of(builder.build());
  }

  @Test
  void reproducesKayentasPassOnTheReportedMissAndSaysWhy() {
    Verdict v = DEFAULTS.judge(concat(repeat(100, 7), repeat(1, 3)), repeat(1, 10));

    assertThat(v.decision()).isEqualTo(Decision.PASS);
    assertThat(v.statistics().classification()).isEqualTo("Pass");
    // spinnaker#6278 reported the interval [6.8e-5, 99] (R's root-finder noise around the pairwise difference 0);
    // the judge snaps bounds to the pairwise difference they approximate, bound 24.75 as reported
    assertThat(v.statistics().shiftLow()).isEqualTo(0.0);
    assertThat(v.statistics().shiftHigh()).isEqualTo(99.0);
    assertThat(v.reason()).contains("does not lie outside +-24.75 (25% of |shift|)").endsWith(": Pass");
  }

  @Test
  void clearIncreaseIsHigh() {
    double[] baseline = latencies(50, 100, 21);
    double[] canary = Arrays.stream(latencies(50, 100, 22)).map(v -> v * 2).toArray();

    Verdict v = DEFAULTS.judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().classification()).isEqualTo("High");
    assertThat(v.statistics().effectSize()).isGreaterThan(1.5);
    assertThat(v.statistics().exact()).isFalse();
    assertThat(judge(KayentaJudgeConfig.builder().direction(Direction.DECREASE)).judge(canary, baseline)
        .decision()).isEqualTo(Decision.PASS);
    assertThat(DEFAULTS.judge(baseline, canary).statistics().classification()).isEqualTo("Low");
  }

  @Test
  void effectSizeGateKeepsSmallSignificantShiftsPassing() {
    double[] baseline = latencies(400, 100, 23);
    double[] canary = Arrays.stream(latencies(400, 100, 24)).map(v -> v * 1.2).toArray();

    assertThat(DEFAULTS.judge(canary, baseline).statistics().classification()).isEqualTo("High");
    Verdict gated = judge(KayentaJudgeConfig.builder().allowedIncrease(1.5)).judge(canary, baseline);
    assertThat(gated.statistics().classification()).isEqualTo("Pass");
    assertThat(gated.reason()).contains("but the effect size is within the allowed limits");
  }

  @Test
  void clesIsUOverAllPairs() {
    KayentaJudge cles = judge(KayentaJudgeConfig.builder().effectSizeMeasure(EffectSizeMeasure.CLES));
    assertThat(cles.config().allowedIncrease()).isEqualTo(0.5);

    Verdict v = cles.judge(new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.5, 1.5, 2.5, 3.5, 4.5});

    assertThat(v.statistics().effectSize()).isCloseTo(v.statistics().u() / 30, within(1e-15));
    assertThat(v.statistics().effectSize()).isCloseTo(20.0 / 30, within(1e-15));
    assertThat(v.statistics().effectSizeMeasure()).isEqualTo("cles");
  }

  @Test
  void missingDataFollowsTheNanStrategy() {
    double[] nans = {Double.NaN, Double.NaN};
    double[] data = latencies(10, 5, 25);

    Verdict removed = DEFAULTS.judge(nans, data);
    assertThat(removed.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(removed.statistics().classification()).isEqualTo("Nodata");

    Verdict mustHave = judge(KayentaJudgeConfig.builder().mustHaveData(true)).judge(nans, data);
    assertThat(mustHave.decision()).isEqualTo(Decision.FAIL);
    assertThat(mustHave.statistics().classification()).isEqualTo("NodataFailMetric");

    Verdict critical = judge(KayentaJudgeConfig.builder().critical(true)).judge(data, new double[0]);
    assertThat(critical.decision()).isEqualTo(Decision.FAIL);
    assertThat(critical.reason()).contains("the baseline sample is empty and the metric is critical");

    KayentaJudge replace = judge(KayentaJudgeConfig.builder().nanStrategy(NanStrategy.REPLACE));
    assertThat(replace.judge(new double[0], new double[0]).decision()).isEqualTo(Decision.PASS);
    Verdict zeros = replace.judge(concat(nans, repeat(0, 8)), repeat(0, 10));
    assertThat(zeros.statistics().nCanary()).isEqualTo(10);
    assertThat(zeros.decision()).isEqualTo(Decision.PASS);
    Verdict sparse = replace.judge(concat(repeat(0, 12), new double[] {1, 3, 2}), repeat(0, 15));
    assertThat(sparse.statistics().relativeShift()).isNaN();
    assertThat(sparse.statistics().shift()).isFinite();
  }

  @Test
  void outlierRemovalUsesReducedSensitivityIqrFences() {
    double[] baseline = new double[21];
    for (int i = 0; i < 20; i++) {
      baseline[i] = i + 1;
    }
    baseline[20] = 1000;

    KayentaJudge judge = judge(KayentaJudgeConfig.builder().removeOutliers(true));
    Verdict v = judge.judge(baseline, baseline);

    // R: quantile(c(1:20, 1000), .99) = 804, Q3 + 3 IQR = 46, so 1000 is outside max(804, 46)
    assertThat(v.statistics().nCanary()).isEqualTo(20);
    assertThat(DEFAULTS.judge(baseline, baseline).statistics().nCanary()).isEqualTo(21);
  }

  @Test
  void identicalOrSingleValuedSamplesPass() {
    assertThat(DEFAULTS.judge(new double[] {3, 1, 2}, new double[] {1, 2, 3}).reason())
        .contains("identical or hold one value");
    assertThat(DEFAULTS.judge(repeat(4, 3), repeat(4, 7)).decision()).isEqualTo(Decision.PASS);
  }

  @Test
  void constantButDifferentSamplesAreJudgedWithoutNoise() {
    Verdict first = DEFAULTS.judge(repeat(12, 8), repeat(10, 8));
    Verdict second = DEFAULTS.judge(repeat(12, 8), repeat(10, 8));

    assertThat(first).isEqualTo(second);
    assertThat(first.statistics().classification()).isEqualTo("High");
    assertThat(first.statistics().shiftLow()).isEqualTo(2.0);
    assertThat(first.statistics().shiftHigh()).isEqualTo(2.0);
  }

  @Test
  void criticalFailureIsNamed() {
    KayentaJudge critical = judge(KayentaJudgeConfig.builder().critical(true).criticalIncrease(1.5));

    assertThat(critical.judge(repeat(20, 8), repeat(10, 8)).reason()).contains("critical failure");
    assertThat(critical.judge(repeat(12, 8), repeat(10, 8)).reason()).doesNotContain("critical failure");
  }

  @Test
  void kayentaConfigNamesParse() {
    assertThat(Direction.fromConfigName("Increase")).isEqualTo(Direction.INCREASE);
    assertThat(EffectSizeMeasure.fromConfigName("meanRatio")).isEqualTo(EffectSizeMeasure.MEAN_RATIO);
    assertThat(NanStrategy.fromConfigName("replace")).isEqualTo(NanStrategy.REPLACE);
    assertThatThrownBy(() -> NanStrategy.fromConfigName("drop"))
        .hasMessage("nanStrategy must be one of remove or replace, but was 'drop'");
    assertThatThrownBy(() -> EffectSizeMeasure.fromConfigName("ratio"))
        .hasMessage("effectSizeMeasure must be one of meanRatio or cles, but was 'ratio'");
  }

  @Test
  void configDefaultsAndValidation() {
    KayentaJudgeConfig c = KayentaJudgeConfig.builder().build();

    assertThat(c.direction()).isEqualTo(Direction.EITHER);
    assertThat(c.confidence()).isEqualTo(0.98);
    assertThat(c.tolerance()).isEqualTo(0.25);
    assertThat(c.allowedIncrease()).isEqualTo(1.0);
    assertThat(c.nanStrategy()).isEqualTo(NanStrategy.REMOVE);
    assertThat(c.outlierFactor()).isEqualTo(3.0);
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThatThrownBy(() -> KayentaJudgeConfig.builder().tolerance(-0.1).build())
        .hasMessage("tolerance must be finite and >= 0, but was -0.1");
    assertThatThrownBy(() -> KayentaJudgeConfig.builder().confidence(1.2).build())
        .hasMessage("confidence must be in (0, 1), but was 1.2");
  }
}
