/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven tests of every operator, built-in and message: {@code src/test/resources/expr/conditions.table}. */
class ConditionTableTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<Arguments> rows() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        ConditionTableTest.class.getResourceAsStream("/expr/conditions.table"), StandardCharsets.UTF_8))) {
      String resultJson = "null";
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("# result: ")) {
          resultJson = line.substring("# result: ".length());
        } else if (line.contains(" => ")) {
          int arrow = line.lastIndexOf(" => ");
          JsonNode node = json.readTree(resultJson);
          out.add(Arguments.of(line.substring(0, arrow), resultJson,
              ConditionConformanceTest.value(node, node.isArray() ? "[]float64" : ""),
              line.substring(arrow + 4)));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}  [result={1}]")
  @MethodSource("rows")
  void condition_onResult_givesExpected(String condition, String resultJson, @Nullable Object result,
      String expected) {
    if (expected.startsWith("error: ")) {
      assertThatThrownBy(() -> evaluate(condition, result))
          .isInstanceOf(ExpressionException.class)
          .satisfies(e -> assertThat(((ExpressionException) e).reason()).isEqualTo(expected.substring(7)));
    } else {
      assertThat(evaluate(condition, result)).isEqualTo(Boolean.parseBoolean(expected));
    }
  }

  private static boolean evaluate(String condition, @Nullable Object result) {
    return ConditionCompiler.standard().compile(condition, ResultType.of(result)).evaluate(result, NOW);
  }
}
