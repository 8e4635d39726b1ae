/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.web.internal.GoJsonDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPathTemplateTest {

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = JsonPathTemplateTest.class.getResourceAsStream("/jsonpath/cases.json")) {
      JsonNode table = new ObjectMapper().readTree(in);
      List<Arguments> out = new ArrayList<>();
      for (JsonNode c : table) {
        out.add(Arguments.of(c.get("template").asText(), c));
      }
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tableCase(String template, JsonNode c) {
    JsonNode data = GoJsonDecoder.decode(c.get("data").asText().getBytes(StandardCharsets.UTF_8)).orElseThrow();
    if (c.has("error")) {
      assertThatThrownBy(() -> JsonPathTemplate.compile(template).findResults(data))
          .isInstanceOf(JsonPathException.class)
          .hasMessage(c.get("error").asText());
      return;
    }
    JsonPathTemplate compiled = JsonPathTemplate.compile(template);
    Optional<JsonNode> first = compiled.firstValue(data);
    if (c.has("none")) {
      assertThat(first).isEmpty();
      return;
    }
    assertThat(first).isPresent();
    assertThat(GoJson.marshal(first.get())).isEqualTo(c.get("first").asText());
    if (c.has("all")) {
      List<String> all = new ArrayList<>();
      compiled.findResults(data).forEach(list -> list.forEach(v -> all.add(GoJson.marshal(v))));
      List<String> expected = new ArrayList<>();
      c.get("all").forEach(e -> expected.add(e.asText()));
      assertThat(all).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void tableHasAtLeastSixtyCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void compileCachesByText() {
    assertThat(JsonPathTemplate.compile("{$.cached}")).isSameAs(JsonPathTemplate.compile("{$.cached}"));
  }

  @Test
  void toJavaGivesArgoResultTypes() {
    JsonNode doc = GoJsonDecoder.decode(
        "{\"n\":1,\"s\":\"x\",\"b\":true,\"z\":null,\"l\":[1,\"a\"],\"m\":{\"k\":2}}".getBytes(StandardCharsets.UTF_8))
        .orElseThrow();
    Object java = JsonPathTemplate.toJava(doc);
    assertThat(java).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) java;
    assertThat(map.get("n")).isEqualTo(1.0);
    assertThat(map.get("s")).isEqualTo("x");
    assertThat(map.get("b")).isEqualTo(true);
    assertThat(map.containsKey("z")).isTrue();
    assertThat(map.get("z")).isNull();
    assertThat(map.get("l")).isEqualTo(List.of(1.0, "a"));
    assertThat(map.get("m")).isEqualTo(Map.of("k", 2.0));
    assertThat(JsonPathTemplate.toJava(JsonPathTemplate.compile("{5}").firstValue(doc).orElseThrow())).isEqualTo(5L);
  }
}
