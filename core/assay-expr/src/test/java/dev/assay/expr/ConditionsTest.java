/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argo's {@code EvaluateResult} table (docs/argo-semantics.md §2.5) and its error messages. */
class ConditionsTest {
  @ParameterizedTest(name = "success=[{0}] failure=[{1}] -> {2}")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
    "            |             | Successful",
    "true        |             | Successful",
    "false       |             | Failed",
    "            | true        | Failed",
    "            | false       | Successful",
    "true        | false       | Successful",
    "true        | true        | Failed",
    "false       | true        | Failed",
    "false       | false       | Inconclusive",
    "result > 0.9 | result < 0.5 | Successful",
    "result > 0.99 | result < 0.5 | Inconclusive",
  })
  void evaluate_conditionPair_givesPhase(@Nullable String success, @Nullable String failure, String phase) {
    ConditionOutcome out = Conditions.evaluate(success == null ? "" : success, failure == null ? "" : failure,
        0.95);
    assertThat(out).isEqualTo(new ConditionOutcome(AnalysisPhase.fromWireName(phase), ""));
  }

  @Test
  void evaluate_noConditions_isSuccessfulEvenForNil() {
    assertThat(Conditions.evaluate("", "", null).phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void evaluate_successErrors_failureNotEvaluated() {
    ConditionOutcome out = Conditions.evaluate("a == true", "b == true", 1.0);
    assertThat(out.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(out.message()).isEqualTo("could not evaluate successCondition \"a == true\": unknown name a");
  }

  @Test
  void evaluate_failureErrors_namesFailureCondition() {
    ConditionOutcome out = Conditions.evaluate("true", "result[0] > 1", 1.0);
    assertThat(out.message()).isEqualTo("could not evaluate failureCondition \"result[0] > 1\": "
        + "type float64[int] is undefined");
  }

  @Test
  void evaluate_emptyVector_replacesMessage() {
    assertThat(Conditions.evaluate("result[0] >= 0.95", "", List.of()).message())
        .isEqualTo("could not evaluate successCondition \"result[0] >= 0.95\": metric result is nil or empty: "
            + "no data returned from the metric provider");
  }

  @Test
  void evaluate_nilResult_replacesMessage() {
    assertThat(Conditions.evaluate("result < 0.05", "", null).message()).endsWith(
        ": metric result is nil or empty: no data returned from the metric provider");
  }

  @Test
  void evaluate_nanScalar_followsArgoDocs() {
    assertThat(Conditions.evaluate("isNaN(result) || result >= 0.95", "", Double.NaN).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("result >= 0.95", "", Double.NaN).phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(Conditions.evaluate("result >= 0.95", "result < 0.95", Double.NaN).phase())
        .isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(Conditions.evaluate("isInf(result)", "", Double.NEGATIVE_INFINITY).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void evaluate_rangeQueryAll_checksEverySample() {
    assertThat(Conditions.evaluate("all(result, # < 1000)", "", List.of(10.0, 999.0)).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("all(result, # < 1000)", "", List.of(10.0, 1000.0)).phase())
        .isEqualTo(AnalysisPhase.FAILED);
  }

  @Test
  void evaluate_defaultIgnoresItsFirstArgument_likeArgo() {
    Map<String, Object> m = Map.of("a", 0.5);
    ConditionOutcome out = Conditions.evaluate("default(result.a, 0) < 0.05", "", m);
    assertThat(out.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(out.message()).endsWith(": invalid operation: map[string]interface {} < float64");
  }

  @Test
  void evaluate_javaValueShapes_mapToGoTypes() {
    assertThat(Conditions.evaluate("result[0] > 1", "", new double[] {2.0}).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("result == 3", "", 3).phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("result > 2.5", "", 3.0f).phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("result[1] == nil", "", Arrays.asList(1.0, null)).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("len(result) == 2", "", new Object[] {"a", 1L}).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("result.x > 1", "", Map.of("x", new java.math.BigDecimal("1.5"))).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void evaluate_nonBoolResult_isError() {
    assertThat(Conditions.evaluate("result", "", "x").message())
        .isEqualTo("could not evaluate successCondition \"result\": expected bool, but got string");
  }

  @Test
  void isNilOrEmpty_matchesArgo() {
    assertThat(Conditions.isNilOrEmpty(null)).isTrue();
    assertThat(Conditions.isNilOrEmpty(List.of())).isTrue();
    assertThat(Conditions.isNilOrEmpty(new double[0])).isTrue();
    assertThat(Conditions.isNilOrEmpty(List.of(1.0))).isFalse();
    assertThat(Conditions.isNilOrEmpty(Map.of())).isFalse();
    assertThat(Conditions.isNilOrEmpty("")).isFalse();
  }

}
