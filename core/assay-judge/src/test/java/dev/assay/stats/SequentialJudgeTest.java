/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.stats.internal.ConfidenceSequence;
import org.junit.jupiter.api.Test;

class SequentialJudgeTest {
  @Test
  void stateAccumulatesAcrossLooksAndRoundTripsThroughText() {
    SequentialJudge judge = SequentialJudge.forValues();
    SequentialLook first = judge.look(judge.start(), new double[] {100, 110, 120}, new double[] {100, 105});
    SequentialState restored = SequentialState.decode(first.state().encode());
    SequentialLook second = judge.look(restored, new double[] {130}, new double[] {95, 98});

    assertThat(restored).isEqualTo(first.state());
    assertThat(second.state().looks()).isEqualTo(2);
    assertThat(second.state().canary().count()).isEqualTo(4);
    assertThat(second.state().baseline().count()).isEqualTo(4);
    RunningMoments all = RunningMoments.of(new double[] {Math.log(100), Math.log(110), Math.log(120),
        Math.log(130)});
    assertThat(second.state().canary().mean()).isCloseTo(all.mean(), within(1e-12));
    assertThat(second.state().canary().m2()).isCloseTo(all.m2(), within(1e-12));
    assertThat(second.verdict().decision()).isEqualTo(Decision.INCONCLUSIVE);
    assertThat(second.verdict().reason()).contains("look 2, all data so far", "needs at least 10 per sample");
  }

  @Test
  void clearRegressionFailsAndHealthyCanaryPassesWithItsOwnMethodNamed() {
    SequentialJudge judge = SequentialJudge.forValues();
    double[] stable = new double[200];
    double[] same = new double[200];
    double[] slow = new double[200];
    for (int i = 0; i < 200; i++) {
      stable[i] = 150 * Math.exp(0.2 * Math.sin(i * 1.7));
      same[i] = 150 * Math.exp(0.2 * Math.sin(i * 2.3 + 1));
      slow[i] = 1.6 * same[i];
    }
    Verdict fail = judge.look(judge.start(), slow, stable).verdict();
    Verdict pass = judge.look(judge.start(), same, stable).verdict();

    assertThat(fail.decision()).isEqualTo(Decision.FAIL);
    assertThat(fail.statistics().method()).isEqualTo("confidence-sequence");
    assertThat(fail.reason()).contains("lies above the +20% margin (valid at every look): fail");
    assertThat(pass.decision()).isEqualTo(Decision.PASS);
  }

  @Test
  void nonPositiveAndInfiniteValuesAreLeftOutAndCounted() {
    SequentialJudge judge = SequentialJudge.forValues();
    Verdict v = judge.look(judge.start(), new double[] {0, Double.POSITIVE_INFINITY, Double.NaN, 5},
        new double[] {5}).verdict();

    assertThat(v.statistics().droppedValues()).isEqualTo(3);
    assertThat(v.reason()).contains("dropped 1 NaN value as missing data",
        "left out 2 values that are not positive and finite (the sequential test averages logs)");
  }

  @Test
  void proportionsAccumulateCountsAndRejectAStateOfAnotherScale() {
    SequentialJudge judge = SequentialJudge.forProportions();
    SequentialState state = judge.start();
    SequentialLook look = null;
    for (int i = 0; i < 6; i++) {
      look = judge.look(state, new EventCounts(30, 1000), new EventCounts(10, 1000));
      state = look.state();
    }
    assertThat(state.canary().count()).isEqualTo(6000);
    assertThat(look.verdict().decision()).isEqualTo(Decision.FAIL);
    assertThat(look.verdict().reason()).contains("canary 180 of 6000 (3%) vs baseline 60 of 6000 (1%)",
        "rate difference +2 points");
    SequentialState values = SequentialJudge.forValues().start();
    assertThatThrownBy(() -> judge.look(values, EventCounts.NONE, EventCounts.NONE))
        .hasMessageContaining("the state is on scale log, but this judge works on proportion");
    assertThatThrownBy(() -> SequentialJudge.forValues().look(values, EventCounts.NONE, EventCounts.NONE))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SequentialState.decode("v0;log;1;1,1,0;1,1,0"))
        .hasMessageContaining("not a v1 sequential state");
  }

  @Test
  void ratioMarginIsAContrastAndEitherDirectionIsRejectedForIt() {
    SequentialJudge judge = SequentialJudge.forProportions().withMargin(ProportionMargin.ratio(2));
    Verdict v = judge.look(judge.start(), new EventCounts(1000, 20_000), new EventCounts(200, 20_000)).verdict();

    assertThat(v.decision()).isEqualTo(Decision.FAIL);
    assertThat(v.statistics().scale()).isEqualTo("ratio-contrast");
    assertThat(v.reason()).contains("canary rate - 2 x baseline rate");
    assertThatThrownBy(() -> judge.with(Direction.EITHER)).hasMessageContaining("ratio margin needs direction");
  }

  @Test
  void theBoundaryIsWiderThanTheFixedIntervalAndTightestNearThePlannedSize() {
    double z = 2.3263478740408408;
    double atPlan = ConfidenceSequence.factor(100, 0.02, 100);
    assertThat(atPlan).isGreaterThan(z);
    // per observation, the width shrinks with t, but never as fast as a fixed interval's
    assertThat(ConfidenceSequence.factor(1000, 0.02, 100) / Math.sqrt(1000))
        .isLessThan(atPlan / Math.sqrt(100));
    assertThat(ConfidenceSequence.sizeToClear(1, 0.1, 0.02, 100)).isBetween(100L, 10_000L);
  }
}
