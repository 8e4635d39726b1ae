/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.AnalysisPhase;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every {@code condition} case of Argo's conformance vectors (copied into test resources). */
class ConditionConformanceTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in = ConditionConformanceTest.class.getResourceAsStream("/conformance/condition.json")) {
      JsonNode all = new ObjectMapper().readTree(in);
      List<Arguments> out = new ArrayList<>();
      all.forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformance_case_matchesArgo(String id, JsonNode c) {
    JsonNode in = c.get("inputs");
    JsonNode expected = c.get("expected");
    switch (in.get("operation").asText()) {
      case "evaluateResult":
        evaluateResult(in, expected);
        break;
      case "evalCondition":
        evalCondition(in, expected);
        break;
      case "evalTime":
        assertThatThrownBy(() -> TimeExpressions.evaluate(in.get("expression").asText(), NOW))
            .isInstanceOf(ExpressionException.class);
        break;
      default:
        function(in, expected);
    }
  }

  private static void evaluateResult(JsonNode in, JsonNode expected) {
    ConditionOutcome out = Conditions.evaluate(in.get("successCondition").asText(),
        in.get("failureCondition").asText(), value(in.get("result"), in.get("resultType").asText()), NOW);
    assertThat(out.phase()).isEqualTo(AnalysisPhase.fromWireName(expected.get("phase").asText()));
    if (expected.get("error").asBoolean()) {
      expected.withArray("errorContains").forEach(s -> assertThat(out.message()).contains(s.asText()));
    } else {
      assertThat(out.message()).isEmpty();
    }
  }

  private static void evalCondition(JsonNode in, JsonNode expected) {
    Object result = value(in.get("result"), in.get("resultType").asText());
    String expr = in.get("expression").asText();
    if (expected.has("error")) {
      assertThatThrownBy(() -> ConditionCompiler.standard().compile(expr, ResultType.of(result)).evaluate(result))
          .isInstanceOf(ExpressionException.class)
          .satisfies(e -> assertThat(((ExpressionException) e).reason())
              .contains(expected.get("errorMatches").asText()));
    } else {
      assertThat(ConditionCompiler.standard().compile(expr, ResultType.of(result)).evaluate(result))
          .isEqualTo(expected.get("value").asBoolean());
    }
  }

  private static void function(JsonNode in, JsonNode expected) {
    String fn = in.get("function").asText();
    if (in.has("args")) {
      Object arg = in.get("args").get(0).asText();
      String cond = fn + "(result) == 1.1";
      if (expected.path("error").asBoolean()) {
        assertThatThrownBy(() -> eval(cond, arg)).isInstanceOf(ExpressionEvaluationException.class)
            .hasMessage("strconv.ParseInt: parsing \"1.1\": invalid syntax");
      } else {
        assertThat(eval(cond, arg)).isTrue();
      }
      return;
    }
    for (JsonNode k : in.get("cases")) {
      if (fn.equals("default")) {
        Object result = value(k.get("result"), k.get("resultType").asText());
        assertThat(eval("default(result, " + k.get("default").asText() + ") == " + k.get("expect").asText(),
            result)).isTrue();
      } else if (fn.equals("isNil")) {
        Object result = value(k.get("result"), k.get("resultType").asText());
        assertThat(eval("isNil(result)", result)).isEqualTo(k.get("expect").asBoolean());
      } else {
        JsonNode v = k.get("in");
        Object value = v.isTextual() && v.asText().endsWith("{}") ? List.of() : value(v, "");
        assertThat(Conditions.isNilOrEmpty(value)).isEqualTo(k.get("out").asBoolean());
      }
    }
  }

  private static boolean eval(String cond, @Nullable Object result) {
    return ConditionCompiler.standard().compile(cond, ResultType.of(result)).evaluate(result);
  }

  /** Maps a JSON test value to the Java value a provider would hand over. */
  static @Nullable Object value(@Nullable JsonNode v, String goType) {
    if (v == null || v.isNull()) {
      return null;
    } else if (v.isObject() && v.has("$float")) {
      return Double.parseDouble(v.get("$float").asText().replace("Inf", "Infinity"));
    } else if (v.isBoolean()) {
      return v.asBoolean();
    } else if (v.isIntegralNumber() && !goType.contains("float")) {
      return v.asLong();
    } else if (v.isNumber()) {
      return v.asDouble();
    } else if (v.isTextual()) {
      return v.asText();
    } else if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      v.forEach(e -> out.add(value(e, goType.startsWith("[]") ? goType.substring(2) : "")));
      if (goType.equals("[]float64") && out.stream().allMatch(Double.class::isInstance)) {
        return FloatVector.of(out.stream().mapToDouble(Double.class::cast).toArray()); // a Prometheus vector
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    v.properties().forEach(e -> out.put(e.getKey(), value(e.getValue(), "float64")));
    return out;
  }
}
