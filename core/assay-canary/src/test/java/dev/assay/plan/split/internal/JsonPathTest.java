/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  private static JsonPath.Lookup find(String path, String body) {
    return JsonPath.parse(path).find(body.getBytes(StandardCharsets.UTF_8), false);
  }

  @Test
  void findsValuesByFieldsAndIndices() {
    assertThat(find(".version", "{\"version\":\"v2\"}").value()).isEqualTo("v2");
    assertThat(find("$.build.version", "{\"a\":[1,{\"b\":2}],\"build\":{\"version\":\"1.1.0\"}}").value())
        .isEqualTo("1.1.0");
    assertThat(find("{$.build.version}", "{\"build\":{\"version\":\"1.1.0\"}}").value()).isEqualTo("1.1.0");
    assertThat(find(".items[1].v", "{\"items\":[{\"v\":\"a\"},{\"v\":\"b\"}]}").value()).isEqualTo("b");
    assertThat(find(".n", "{\"n\":2.50}").value()).isEqualTo("2.50");
    assertThat(find(".canary", "{\"canary\":true}").value()).isEqualTo("true");
    assertThat(find(".v", "{\"v\":null}").value()).isEqualTo("null");
  }

  @Test
  void saysWhyThereIsNoValue() {
    assertThat(find(".version", "{\"name\":\"x\"}").problem()).isEqualTo("missing");
    assertThat(find(".version", "[1,2]").problem()).isEqualTo("missing");
    assertThat(find(".items[5]", "{\"items\":[1]}").problem()).isEqualTo("missing");
    assertThat(find(".version", "{\"version\":{\"major\":2}}").problem()).isEqualTo("not-a-value");
    assertThat(find(".version", "<html>bad gateway</html>").problem()).isEqualTo("not-json");
    assertThat(find(".version", "").problem()).isEqualTo("not-json");
  }

  @Test
  void aCutBodyStillGivesAValueBeforeTheCut() {
    byte[] cut = "{\"version\":\"v2\",\"pad\":\"xxxxxxxx".getBytes(StandardCharsets.UTF_8);
    assertThat(JsonPath.parse(".version").find(cut, true).value()).isEqualTo("v2");
    assertThat(JsonPath.parse(".later").find(cut, true).problem()).isEqualTo("cut");
  }

  @Test
  void badPathsSayWhereAndHowToWriteThem() {
    assertThatThrownBy(() -> JsonPath.parse("version")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JSON path 'version': expected '.' or '[' but found 'v' at character 1; write it as .version, "
            + ".build.version or .items[0].version");
    assertThatThrownBy(() -> JsonPath.parse(".a..b")).hasMessageContaining("expected a field name after '.'");
    assertThatThrownBy(() -> JsonPath.parse(".a[x]")).hasMessageContaining("expected an array index such as [0]");
    assertThatThrownBy(() -> JsonPath.parse("$")).hasMessageContaining("names no field");
  }
}
