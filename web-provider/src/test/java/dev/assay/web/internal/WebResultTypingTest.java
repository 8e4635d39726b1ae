/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.expr.Conditions;
import dev.assay.expr.ResultType;
import dev.assay.model.AnalysisPhase;
import dev.assay.web.internal.jsonpath.JsonPathTemplate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A web result reaches conditions as Argo's web provider hands it over: JSON objects are
 * {@code map[string]interface {}}, arrays {@code []interface {}} and every number a {@code float64}.
 */
class WebResultTypingTest {
  private static Object decode(String json) {
    JsonNode doc = GoJsonDecoder.decode(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    return JsonPathTemplate.toJava(doc);
  }

  @Test
  void objectsArraysAndNumbersHaveArgosTypes() {
    Object v = decode("{\"items\": [1, 2.5], \"count\": 3, \"empty\": []}");
    assertThat(ResultType.of(v).goName()).isEqualTo("map[string]interface {}");
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(ResultType.of(m.get("items")).goName()).isEqualTo("[]interface {}");
    assertThat(m.get("items")).isEqualTo(List.of(1.0, 2.5));
    assertThat(m.get("count")).isEqualTo(3.0);
    assertThat(ResultType.of(decode("[0.5, 1.5]")).goName()).isEqualTo("[]interface {}");
  }

  @Test
  void anEmptyArrayIsNotAFloatVector() {
    // On []float64 this condition does not compile (no field healthy on float64); on []interface {} it is true.
    Object empty = decode("[]");
    assertThat(Conditions.evaluate("len(result) == 0 || all(result, .healthy)", "", empty).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(Conditions.evaluate("result[0] == \"0.5\"", "", decode("[0.5]")).phase())
        .isEqualTo(AnalysisPhase.FAILED);
  }
}
