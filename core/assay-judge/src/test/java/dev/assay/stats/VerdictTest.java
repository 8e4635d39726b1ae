/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void statisticsBuilderRoundTrips() {
    JudgeStatistics s = JudgeStatistics.builder("kayenta")
        .classification("High")
        .samples(10, 12, 3.5, 2.5)
        .relative(0.4, 0.1, 0.7)
        .confidence(0.98)
        .effectSize(0.8, EffectSizeMeasure.CLES)
        .minSampleSize(0)
        .build();

    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(s.scale()).isEqualTo("none");
    assertThat(s.pValue()).isNaN();
    assertThat(s.effectSizeMeasure()).isEqualTo("cles");
  }

  @Test
  void recordsValidate() {
    JudgeStatistics s = JudgeStatistics.builder("r").build();

    assertThatThrownBy(() -> new Verdict(Decision.PASS, " ", s)).hasMessage("reason must not be blank");
    assertThatThrownBy(() -> JudgeStatistics.builder("r").samples(-1, 0, 0, 0).build())
        .hasMessage("nCanary and nBaseline must be >= 0, but were -1 and 0");
    assertThatThrownBy(() -> JudgeStatistics.builder("r").minSampleSize(-2).build())
        .hasMessage("minSampleSize must be >= -1, but was -2");
  }

  @Test
  void resultOfAnEarlyExitHasEveryKeyWithNaNInsteadOfNull() {
    Map<String, Object> result = NonInferiorityJudge.withDefaults().judge(new double[] {1}, new double[] {2})
        .toResult();

    assertThat(result).hasSize(25).doesNotContainValue(null);
    assertThat(result.get("verdict")).isEqualTo("inconclusive");
    assertThat(result.get("minSampleSize")).isEqualTo(5L);
    assertThat((Double) result.get("pValue")).isNaN();
    assertThat((List<?>) result.get("ci")).hasSize(2);
    assertThat(result.keySet()).startsWith("verdict", "reason", "rule");
  }

  @Test
  void negativeZeroTiesWithZeroAsInR() {
    MannWhitneyResult r = MannWhitney.withDefaults().test(new double[] {-0.0, 1, 3}, new double[] {0.0, 2, 4});

    assertThat(r.ties()).isTrue();
    assertThat(r.statistic()).isEqualTo(3.5);
  }
}
