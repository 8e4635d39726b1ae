/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static dev.assay.stats.NonInferiorityJudgeTest.concat;
import static dev.assay.stats.NonInferiorityJudgeTest.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cases of the judge's v2 issue: infinite values, tiny samples, and error flags on the rank judges. */
class HonestVerdictsTest {
  private static final double[] STEADY = {147, 148, 149, 150, 151, 152, 153, 150, 149, 151};

  @Test
  void infiniteLatenciesAreTheWorstValuesNotMissingOnes() {
    double[] canary = concat(repeat(Double.POSITIVE_INFINITY, 3), new double[] {147, 148, 149, 150, 151, 152, 153});

    Verdict ni = NonInferiorityJudge.withDefaults().judge(canary, STEADY);
    Verdict kayenta = KayentaJudge.withDefaults().judge(canary, STEADY);

    // three overflow values out of ten: the upper bound is unbounded, so the canary cannot pass
    assertThat(ni.decision()).isNotEqualTo(Decision.PASS);
    assertThat(ni.statistics().relativeHigh()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ni.statistics().infiniteValues()).isEqualTo(3);
    assertThat(ni.reason()).contains("3 canary values are +inf, ranked above every finite value");
    assertThat(kayenta.statistics().infiniteValues()).isEqualTo(3);
    assertThat(kayenta.reason()).contains("3 canary values are +inf");
  }

  @Test
  void mostlyInfiniteCanaryFailsBothRules() {
    double[] canary = concat(repeat(Double.POSITIVE_INFINITY, 16), new double[] {150, 151, 149, 152});
    double[] stable = concat(STEADY, STEADY);

    Verdict ni = NonInferiorityJudge.withDefaults().judge(canary, stable);
    assertThat(ni.decision()).as(ni.reason()).isEqualTo(Decision.FAIL);
    Verdict kayenta = KayentaJudge.withDefaults().judge(canary, stable);
    assertThat(kayenta.statistics().classification()).as(kayenta.reason()).isEqualTo("High");
    assertThat(kayenta.statistics().shiftLow()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void kayentaKeepsItsVerdictOnTinySamplesButSaysWhatTheIntervalIsWorth() {
    Verdict oneVsOne = KayentaJudge.withDefaults().judge(new double[] {300}, new double[] {100});
    Verdict oneVsTen = KayentaJudge.withDefaults().judge(new double[] {300}, STEADY);

    assertThat(oneVsOne.statistics().classification()).isEqualTo("High");
    assertThat(oneVsOne.statistics().confidence()).isEqualTo(0.0);
    assertThat(oneVsOne.reason()).contains("at most 0% (98% requested) CI",
        "warning: 1 canary and 1 baseline values cannot support a 98% interval (at most 0%), at least 5 per "
            + "sample are needed");
    assertThat(oneVsTen.statistics().confidence()).isEqualTo(1 - 2.0 / 11);
    assertThat(oneVsTen.reason()).contains("at most 81.82% (98% requested) CI", "at least 5 per sample");
    assertThat(oneVsTen.statistics().classification()).isEqualTo("High");
  }

  @Test
  void rankJudgeOnErrorFlagsSaysNoSampleSizeWouldDecideAndNamesTheProportionJudge() {
    double[] canary = concat(repeat(1, 8), repeat(0, 2));
    double[] baseline = repeat(0, 10);

    Verdict v = NonInferiorityJudge.withDefaults().judge(canary, baseline);
    Verdict proportion = ProportionJudge.withDefaults().judge(canary, baseline);

    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.statistics().minSampleSize()).isEqualTo(-1);
    assertThat(v.reason()).contains("no sample size would decide", "proportion judge");
    assertThat(proportion.decision()).isEqualTo(Decision.FAIL);
    assertThat(proportion.reason()).contains("canary 8 of 10 (80%) vs baseline 0 of 10 (0%) (0/1 flags)",
        "exact Clopper-Pearson");
  }
}
