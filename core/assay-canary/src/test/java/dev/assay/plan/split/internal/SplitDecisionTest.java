/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.plan.split.SplitOutcome;
import dev.assay.plan.split.SplitVerdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitDecisionTest {
  private static SplitVerdict decide(int canary, int stable, Map<String, Integer> failures, int weight) {
    int total = canary + stable + failures.values().stream().mapToInt(Integer::intValue).sum();
    return SplitDecision.decide(canary, stable, failures, total, weight, 0.001, 0.1);
  }

  @Test
  void aShareNearTheWeightIsConsistent() {
    SplitVerdict v = decide(7, 93, Map.of(), 5);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.CONSISTENT);
    assertThat(v.pValue()).isCloseTo(TwoSidedBinomial.pValue(7, 100, 0.05), org.assertj.core.data.Offset.offset(0.0));
    assertThat(v.message()).isEqualTo("canary 7 of 100 at 5% set: consistent (p = " + String.format(
        java.util.Locale.ROOT, "%.2g", v.pValue()) + ")");
    assertThat(v.failureSummary()).isEmpty();
  }

  @Test
  void noCanaryAtTwentyFivePercentIsBroken() {
    SplitVerdict v = decide(0, 200, Map.of(), 25);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.BROKEN);
    int[] range = TwoSidedBinomial.consistentCounts(200, 0.25, 0.001);
    assertThat(v.message()).isEqualTo("canary 0 of 200 at 25% set: split broken (p < 0.001; " + range[0] + " to "
        + range[1] + " would be consistent)");
  }

  @Test
  void zeroAndHundredPercentAreExact() {
    assertThat(decide(0, 100, Map.of(), 0).outcome()).isEqualTo(SplitOutcome.CONSISTENT);
    SplitVerdict oneCanary = decide(1, 99, Map.of(), 0);
    assertThat(oneCanary.outcome()).isEqualTo(SplitOutcome.BROKEN);
    assertThat(oneCanary.pValue()).isZero();
    assertThat(oneCanary.message()).isEqualTo("canary 1 of 100 at 0% set: split broken (any canary response at 0% is)");
    assertThat(decide(100, 0, Map.of(), 100).outcome()).isEqualTo(SplitOutcome.CONSISTENT);
    assertThat(decide(99, 1, Map.of(), 100).message())
        .isEqualTo("canary 99 of 100 at 100% set: split broken (any stable response at 100% is)");
  }

  @Test
  void failuresUpToTheBoundAreReportedButDoNotBlockTheTest() {
    SplitVerdict v = decide(5, 85, Map.of("connection refused", 7, "timed out after 2s", 3), 5);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.CONSISTENT);
    assertThat(v.failed()).isEqualTo(10);
    assertThat(v.total()).isEqualTo(100);
    assertThat(v.failures()).containsExactly(Map.entry("connection refused", 7), Map.entry("timed out after 2s", 3));
    assertThat(v.message()).startsWith("canary 5 of 90 at 5% set: consistent (p = ")
        .endsWith("; 10 requests failed: connection refused \u00d77, timed out after 2s \u00d73");
  }

  @Test
  void moreFailuresThanTheBoundIsInconclusive() {
    SplitVerdict v = decide(5, 84, Map.of("connection refused", 11), 5);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(v.message()).isEqualTo("canary 5 of 89 at 5% set: inconclusive, 11 of 100 requests failed (at most "
        + "10% may): connection refused \u00d711");
    assertThat(v.failureSummary()).isEqualTo("11 requests failed: connection refused \u00d711");
  }

  @Test
  void nothingClassifiedIsInconclusiveEvenWithNoFailureBound() {
    SplitVerdict v = SplitDecision.decide(0, 0, Map.of("no x-served-by header (HTTP 200)", 1), 1, 50, 0.001, 0.99);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(v.pValue()).isEqualTo(1.0);
    assertThat(v.failureSummary()).isEqualTo("1 request failed: no x-served-by header (HTTP 200) \u00d71");
  }

  @Test
  void tooFewRequestsToTellTheWeightFromZero_isInconclusive_notAPass() {
    // 0 of 100 at 5% would pass the test at alpha 0.001 (p = 0.010), but a router that ignores the weight gives
    // exactly that, so it cannot count as a pass. From 145 requests on, 0 canary responses at 5% is a broken split.
    SplitVerdict zero = decide(0, 100, Map.of(), 5);
    assertThat(zero.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(zero.message()).isEqualTo("canary 0 of 100 at 5% set: inconclusive, 100 responses cannot tell 5% from "
        + "0%: send at least 145 (p = 0.010)");
    assertThat(decide(0, 145, Map.of(), 5).outcome()).isEqualTo(SplitOutcome.BROKEN);
    assertThat(decide(0, 144, Map.of(), 5).outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    SplitVerdict all = decide(100, 0, Map.of(), 95);
    assertThat(all.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(all.message()).endsWith("100 responses cannot tell 95% from 100%: send at least 145 (p = 0.010)");
    SplitVerdict one = decide(1, 99, Map.of(), 5);
    assertThat(one.outcome()).isEqualTo(SplitOutcome.CONSISTENT);
    assertThat(one.message()).doesNotContain("cannot tell");
  }

  @Test
  void pValuesAreShownWithTwoSignificantDigits() {
    assertThat(SplitDecision.pText(0.3812)).isEqualTo("p = 0.38");
    assertThat(SplitDecision.pText(0.0034)).isEqualTo("p = 0.0034");
    assertThat(SplitDecision.pText(0.00099)).isEqualTo("p < 0.001");
    assertThat(SplitDecision.pText(1.0)).isEqualTo("p = 1.0");
  }
}
