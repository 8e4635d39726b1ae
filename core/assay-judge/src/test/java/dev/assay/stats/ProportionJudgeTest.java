/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProportionJudgeTest {
  private static final ProportionJudge DEFAULTS = ProportionJudge.withDefaults();

  @Test
  void threePercentAgainstOneAtTenThousandRequestsFailsAndSaysWhichMethod() {
    Verdict v = DEFAULTS.judge(new EventCounts(300, 10_000), new EventCounts(100, 10_000));

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().rule()).isEqualTo("proportion");
    assertThat(v.statistics().method()).isEqualTo("newcombe-wilson");
    assertThat(v.statistics().scale()).isEqualTo("difference");
    assertThat(v.statistics().shift()).isEqualTo(0.02, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(v.reason()).startsWith("canary 300 of 10000 (3%) vs baseline 100 of 10000 (1%) (event counts); "
        + "difference +2 points, 98% CI [")
        .contains("(Newcombe's score interval from Wilson score intervals per sample)",
            "lies above the +1 point margin: fail");
  }

  @Test
  void theDocumentedExampleSaysWhatTheDocsSay() {
    Verdict v = DEFAULTS.withMargin(ProportionMargin.points(0.5))
        .judge(new EventCounts(30, 1000), new EventCounts(10, 1000));

    assertThat(v.reason()).isEqualTo("canary 30 of 1000 (3%) vs baseline 10 of 1000 (1%) (event counts); difference "
        + "+2 points, 98% CI [+0.5 points, +3.6 points] (Newcombe's score interval from Wilson score intervals per "
        + "sample) lies above the +0.5 points margin: fail");
  }

  @Test
  void equalRatesPassOnceTheIntervalIsNarrowerThanTheMargin() {
    assertThat(DEFAULTS.judge(new EventCounts(100, 10_000), new EventCounts(100, 10_000)).decision())
        .isEqualTo(Decision.PASS);
    Verdict few = DEFAULTS.judge(new EventCounts(1, 100), new EventCounts(1, 100));
    assertThat(few.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(few.statistics().exact()).isTrue();
    assertThat(few.statistics().minSampleSize()).isGreaterThan(100);
    assertThat(few.reason()).contains("exact Clopper-Pearson intervals per sample, as some count is below 5",
        "trials per sample would decide if these rates persist");
  }

  @Test
  void ratioMarginWithoutAnyEventsCannotBeDecidedByAnySize() {
    Verdict v = DEFAULTS.withMargin(ProportionMargin.ratio(1.5))
        .judge(new EventCounts(0, 5000), new EventCounts(0, 5000));

    assertThat(v.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(v.statistics().shiftLow()).isZero();
    assertThat(v.statistics().shiftHigh()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(v.statistics().minSampleSize()).isEqualTo(-1);
    assertThat(v.reason()).contains("rate ratio NaN", "no sample size would decide");
  }

  @Test
  void ratioMarginFailsAClearlyHigherRate() {
    Verdict v = DEFAULTS.withMargin(ProportionMargin.ratio(1.5))
        .judge(new EventCounts(400, 10_000), new EventCounts(100, 10_000));

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().scale()).isEqualTo("ratio");
    assertThat(v.statistics().shiftLow()).isGreaterThan(1.5);
    assertThat(v.reason()).contains("rate ratio 4", "MOVER-R", "lies above the 1.5x margin: fail");
  }

  @Test
  void successRatesUseDirectionDecrease() {
    ProportionJudge successes = DEFAULTS.with(Direction.DECREASE);

    assertThat(successes.judge(new EventCounts(9_700, 10_000), new EventCounts(9_900, 10_000)).decision())
        .isEqualTo(Decision.FAIL);
    assertThat(successes.judge(new EventCounts(9_900, 10_000), new EventCounts(9_900, 10_000)).decision())
        .isEqualTo(Decision.PASS);
  }

  @Test
  void flagsAreCountedAndNanDroppedButOtherValuesAreNotFlags() {
    double[] canary = {1, 0, 0, Double.NaN, 0};
    Verdict v = DEFAULTS.judge(canary, new double[] {0, 0, 0, 0});
    assertThat(v.statistics().nCanary()).isEqualTo(4);
    assertThat(v.statistics().droppedValues()).isEqualTo(1);
    assertThat(v.reason()).contains("canary 1 of 4 (25%) vs baseline 0 of 4 (0%) (0/1 flags; 1 NaN value dropped "
        + "as missing)");

    Verdict notFlags = DEFAULTS.judge(new double[] {0.5, 1}, new double[] {0, 1});
    assertThat(notFlags.decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(notFlags.reason()).contains("not 0/1 flags (flag at index 0 is 0.5");
  }

  @Test
  void noTrialsIsInconclusiveAndCountsAreValidated() {
    assertThat(DEFAULTS.judge(EventCounts.NONE, new EventCounts(3, 10)).reason())
        .isEqualTo("canary 0 of 0 vs baseline 3 of 10 (30%) (event counts); the canary has no trials: inconclusive");
    assertThatThrownBy(() -> new EventCounts(5, 4)).hasMessageContaining("events must be in [0, trials]");
    assertThatThrownBy(() -> ProportionMargin.ratio(1)).hasMessageContaining("maxRatio must be > 1");
    assertThatThrownBy(() -> ProportionMargin.points(0)).hasMessageContaining("marginPoints must be in (0, 100)");
  }
}
