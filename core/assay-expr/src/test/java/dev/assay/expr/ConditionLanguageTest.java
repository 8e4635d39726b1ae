/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The constructs of expr v1.17.8 that Argo users copy into conditions, with the verdicts and texts the Go
 * implementation gives (checked with the reference evaluator; the broad comparison is
 * {@link ConditionDifferentialTest}).
 */
class ConditionLanguageTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
  private static final Map<String, Object> WEB = Map.of("status", "up", "p99", 0.3,
      "items", List.of(Map.of("healthy", true), Map.of("healthy", true)));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '"', value = {
    "result.items | all(.healthy)",
    "result.items | filter(.healthy) | len() == 2",
    "let p = result.p99; p < 0.5 && p > 0.1",
    "$env.result.status == 'up' && $env['result'].p99 == 0.3",
    "if result.p99 < 0.5 { result.status == 'up' } else { false }",
    "duration('1h').Hours() == 1 && duration('90m').Minutes() == 90",
    "now().Year() == 2026 && now().Month() == now().Month()",
    "now().Sub(date('2026-03-04')).Hours() > 5",
    "0 < result.p99 < 1",
    "b'abc' == b'abc' && len(b'abc') == 3",
    "findIndex(result.items, !.healthy) == nil",
    "max([]) == nil",
    "len('héllo') == 5",
    "'a{1' matches '{'",
    "(result.missing ?? 0) < 0.5",
  })
  void acceptsWhatExprAccepts(String condition) {
    assertThat(eval(condition, WEB)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '"', value = {
    "result.p99 ?? 0 < 0.5       ¦ Operator (<) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.",
    "#index > 0                  ¦ \"unexpected token Operator(\"\"#\"\")\"",
    "all(result.items, #index > 0) ¦ unknown pointer #index",
    "min(nil) == nil             ¦ invalid argument for min (type %!s(<nil>))",
    "sort(nil) == []             ¦ cannot use nil as argument (type []int) to call sort",
    "upper(1) == ''              ¦ \"cannot use int as argument (type string) to call upper \"",
    "let x = 1; let x = 2; x > 1 ¦ cannot redeclare variable x",
    "result.p99 matches '(a'     ¦ error parsing regexp: missing closing ): `(a`",
  })
  void rejectsWhatExprRejects(String condition, String reason) {
    assertThatThrownBy(() -> eval(condition, WEB)).isInstanceOfSatisfying(ExpressionException.class,
        ex -> assertThat(ex.reason()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '"', value = {
    "result?.status == 'up'      ¦ type nil has no field status",
    "result[0] > 1               ¦ type unknown[int] is undefined",
  })
  void nilResultsFailAsInGo(String condition, String reason) {
    assertThatThrownBy(() -> eval(condition, null)).isInstanceOfSatisfying(ExpressionException.class,
        ex -> assertThat(ex.reason()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '"', value = {
    "len(result) == 0 || all(result, .healthy) ¦ true  ¦ []interface {}",
    "result[0] == '0.5'                        ¦ false ¦ []interface {}",
  })
  void webArraysAreInterfaceSlices(String condition, boolean expected, String goType) {
    List<Object> web = List.of(0.5, 1.5);
    assertThat(ResultType.of(web).goName()).isEqualTo(goType);
    if (condition.startsWith("len")) {
      assertThatThrownBy(() -> eval(condition, web)).isInstanceOfSatisfying(ExpressionException.class,
          ex -> assertThat(ex.reason()).isEqualTo("cannot fetch healthy from float64"));
    } else {
      assertThat(eval(condition, web)).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '"', value = {
    "result[0] == '0.5' ¦ invalid operation: == (mismatched types float64 and string)",
    "isNaN(result)      ¦ \"cannot use []float64 as argument (type float64) to call isNaN \"",
  })
  void prometheusVectorsAreFloatSlices(String condition, String reason) {
    FloatVector vector = FloatVector.of(0.5, 1.5);
    assertThat(ResultType.of(vector).goName()).isEqualTo("[]float64");
    assertThatThrownBy(() -> eval(condition, vector)).isInstanceOfSatisfying(ExpressionException.class,
        ex -> assertThat(ex.reason()).isEqualTo(reason));
  }

  private static boolean eval(String condition, @Nullable Object result) {
    return ConditionCompiler.standard().compile(condition, ResultType.of(result)).evaluate(result, NOW);
  }
}
