/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Caching, type shapes and thread safety of the compiler. */
class ConditionCompilerTest {
  @Test
  void compile_sameTextAndType_returnsCachedInstance() {
    ConditionCompiler c = ConditionCompiler.withLimits(ExpressionLimits.DEFAULTS, 16);
    CompiledCondition a = c.compile("result > 1", ResultType.of(2.0));
    assertThat(c.compile("result > 1", ResultType.of(3.0))).isSameAs(a);
    assertThat(c.compile("result > 1", ResultType.of(3L))).isNotSameAs(a);
  }

  @Test
  void compile_cacheIsBounded_stillCompiles() {
    ConditionCompiler c = ConditionCompiler.withLimits(ExpressionLimits.DEFAULTS, 2);
    for (int i = 0; i < 50; i++) {
      assertThat(c.compile("result > " + i, ResultType.of(100.0)).evaluate(100.0)).isTrue();
    }
  }

  @Test
  void compile_cachedError_isThrownAgain() {
    ConditionCompiler c = ConditionCompiler.withLimits(ExpressionLimits.DEFAULTS, 4);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> c.compile("nope > 1", ResultType.of(1.0)))
          .isInstanceOf(ExpressionCheckException.class).hasMessageStartingWith("unknown name nope at 1:1");
    }
  }

  @Test
  void check_returnsIssuesAsValues() {
    ConditionCompiler c = ConditionCompiler.standard();
    assertThat(c.check("result > 1", ResultType.of(1.0))).isEmpty();
    assertThat(c.check("x > 1 || y", ResultType.of(1.0))).extracting(ExpressionIssue::message)
        .containsExactly("unknown name x", "unknown name y");
    assertThat(c.check("result >", ResultType.of(1.0))).singleElement()
        .satisfies(i -> assertThat(i.message()).isEqualTo("unexpected token EOF"));
    assertThat(c.check("\"a\" matches \"(\"", ResultType.of(1.0))).singleElement()
        .satisfies(i -> assertThat(i.message()).startsWith("error parsing regexp: "));
  }

  @Test
  void evaluate_wrongResultType_isRejected() {
    CompiledCondition cc = ConditionCompiler.standard().compile("result > 1", ResultType.of(2.0));
    assertThatThrownBy(() -> cc.evaluate("x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("string");
  }

  @Test
  void resultType_of_namesGoTypes() {
    assertThat(ResultType.of(null).goName()).isEqualTo("<nil>");
    assertThat(ResultType.of(1.0).goName()).isEqualTo("float64");
    assertThat(ResultType.of(1).goName()).isEqualTo("int");
    assertThat(ResultType.of("s").goName()).isEqualTo("string");
    assertThat(ResultType.of(true).goName()).isEqualTo("bool");
    assertThat(ResultType.of(FloatVector.of(1.0)).goName()).isEqualTo("[]float64");
    assertThat(ResultType.of(new double[0]).goName()).isEqualTo("[]float64");
    assertThat(ResultType.of(List.of(1.0)).goName()).isEqualTo("[]interface {}"); // a web JSON array
    assertThat(ResultType.of(List.of("a")).goName()).isEqualTo("[]interface {}");
    assertThat(ResultType.of(java.util.Map.of()).goName()).isEqualTo("map[string]interface {}");
    assertThat(ResultType.of(java.time.Duration.ZERO).goName()).isEqualTo("time.Duration");
  }

  @Test
  void evaluate_fromManyThreads_givesSameAnswers() {
    CompiledCondition cc = ConditionCompiler.standard()
        .compile("all(result, {# < 500}) && len(filter(result, # > 5)) == 4", ResultType.of(List.of(1.0)));
    List<Double> values = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
    long ok = IntStream.range(0, 2000).parallel().filter(i -> cc.evaluate(values)).count();
    assertThat(ok).isEqualTo(2000);
  }
}
