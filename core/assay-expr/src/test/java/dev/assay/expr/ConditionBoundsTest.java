/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.expr.ExpressionLimitException.Limit;
import dev.assay.model.AnalysisPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile conditions stop with a typed limit error before they allocate or spin (issue 19, finding 3). The
 * preemptive timeout only keeps a regression from hanging the build; the assertions are on the error.
 */
class ConditionBoundsTest {
  private static final Duration GUARD = Duration.ofSeconds(60);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "len(repeat(\"ab\", 4611686018964258816)) > 0                  | STRING_LENGTH",
    "len(0..9223372036854775807) > 0                                   | COLLECTION_SIZE",
    "toJSON(map(1..100000, {result})) != \"\"                          | STRING_LENGTH",
    "len(repeat(\"x\", 999999) + repeat(\"y\", 999999)) > 0           | STRING_LENGTH",
    "len(sortBy(1..100000, #)) > 0 && len(sortBy(1..100000, #)) > 0 && all(1..100000, {len(sortBy(1..100, #)) > 0}) | STEPS",
  })
  void hostileConditionsStopWithTheLimitTheyHit(String condition, Limit limit) {
    Map<String, Object> result = Map.of("text", "x".repeat(1000), "list", List.of(1.0, 2.0, 3.0));
    assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(
        () -> ConditionCompiler.standard().compile(condition, ResultType.of(result)).evaluate(result))
        .isInstanceOfSatisfying(ExpressionLimitException.class, ex -> {
          assertThat(ex.limit()).isEqualTo(limit);
          assertThat(ex.reason()).contains("(max");
        }));
  }

  @Test
  void aRangeEndingAtTheLargestIntegerHasTwoElements() {
    assertTimeoutPreemptively(GUARD, () -> assertThat(ConditionCompiler.standard()
        .compile("len(9223372036854775806..9223372036854775807) == 2", ResultType.of(null)).evaluate(null))
        .isTrue());
  }

  @Test
  void containsOnLongStringsIsLinear() {
    String condition = "repeat(\"a\", 1000000) contains repeat(\"a\", 100000) + \"b\"";
    assertTimeoutPreemptively(GUARD, () -> assertThat(ConditionCompiler.standard()
        .compile(condition, ResultType.of(null)).evaluate(null)).isFalse());
  }

  @Test
  void sortByOfManyElementsIsChargedNotQuadratic() {
    assertTimeoutPreemptively(GUARD, () -> assertThat(ConditionCompiler.standard()
        .compile("len(sortBy(1..100000, #)) == 100000", ResultType.of(null)).evaluate(null)).isTrue());
  }

  @Test
  void sortByKeepsElementsWhoseKeyIsNaN() {
    List<Object> web = List.of(Map.of("k", 2.0), Map.of("k", Double.NaN), Map.of("k", 1.0));
    assertThat(ConditionCompiler.standard().compile("len(sortBy(result, .k)) == 3", ResultType.of(web))
        .evaluate(web)).isTrue();
  }

  @Test
  void aTimeBudgetStopsTheEvaluation() {
    ExpressionLimits tiny = new ExpressionLimits(10_000, 100, 1_000_000, 1_000_000, Long.MAX_VALUE,
        Duration.ofNanos(1));
    CompiledCondition c = ConditionCompiler.withLimits(tiny, 4)
        .compile("all(1..100000, {all(1..100000, {true})})", ResultType.of(null));
    assertTimeoutPreemptively(GUARD, () -> assertThatThrownBy(() -> c.evaluate(null))
        .isInstanceOfSatisfying(ExpressionLimitException.class,
            ex -> assertThat(ex.limit()).isEqualTo(Limit.EVALUATION_TIME)));
  }

  @Test
  void interruptingTheEvaluatingThreadStopsIt() throws InterruptedException {
    ExpressionLimits endless = new ExpressionLimits(10_000, 100, 1_000_000, 1_000_000, Long.MAX_VALUE,
        Duration.ofDays(1));
    CompiledCondition c = ConditionCompiler.withLimits(endless, 4)
        .compile("all(1..100000, {all(1..100000, {true})})", ResultType.of(null));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        c.evaluate(null);
      } catch (RuntimeException ex) {
        thrown.set(ex);
      }
    });
    worker.start();
    worker.interrupt();
    worker.join(GUARD.toMillis());
    assertThat(worker.isAlive()).as("the abandoned evaluation still runs").isFalse();
    assertThat(thrown.get()).isInstanceOfSatisfying(ExpressionLimitException.class,
        ex -> assertThat(ex.limit()).isEqualTo(Limit.CANCELLED));
  }

  @Test
  void aLimitBecomesAnErrorMeasurementNamingIt() {
    ConditionOutcome o = Conditions.evaluate("len(repeat(\"ab\", 4611686018964258816)) > 0", "", 1.0);
    assertThat(o.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(o.message()).contains("maxStringLength");
  }
}
