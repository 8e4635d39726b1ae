/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutFieldRefsTest {
  private static final Map<String, Object> ROLLOUT = Map.of(
      "metadata", Map.of("name", "checkout", "namespace", "shop", "labels", Map.of("env", "prod")),
      "spec", Map.of("replicas", 1000000, "weight", 12.5, "paused", false,
          "template", Map.of("metadata", Map.of("labels", Map.of("version", "v2")))),
      "status", Map.of("conditions", List.of(Map.of("type", "Available"))));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "metadata.name|checkout",
      "metadata.namespace|shop",
      "metadata.labels['env']|prod",
      "metadata.labels['missing']|''",
      "spec.template.metadata.labels.version|v2",
      "status.conditions[0].type|Available",
      "spec.replicas|1e+06",
      "spec.weight|12.5",
      "spec.paused|false"})
  void resolve_knownPath_givesText(String path, String expected) {
    assertThat(RolloutFieldRefs.resolve(ROLLOUT, path)).isEqualTo(expected);
  }

  @Test
  void resolve_unsupportedMetadataPath_throws() {
    assertThatThrownBy(() -> RolloutFieldRefs.resolve(ROLLOUT, "metadata.generation"))
        .isInstanceOf(ArgumentResolutionException.class)
        .hasMessage("unsupported fieldPath: metadata.generation");
  }

  @Test
  void walk_outOfRangeAndThroughScalar_throwArgoMessages() {
    assertThatThrownBy(() -> RolloutFieldRefs.walk(ROLLOUT, "status.conditions[3].type"))
        .hasMessage("index 3 out of range");
    assertThatThrownBy(() -> RolloutFieldRefs.walk(ROLLOUT, "spec.paused.value"))
        .hasMessage("invalid path spec.paused.value in rollout");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"3,3", "0.5,0.5", "123456,123456", "1234567,1.234567e+06", "0.0001,0.0001", "0.00001,1e-05",
      "-2.5,-2.5"})
  void goFloat_matchesGoPercentV(double value, String expected) {
    assertThat(RolloutFieldRefs.goFloat(value)).isEqualTo(expected);
  }
}
