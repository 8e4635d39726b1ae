/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every {@code metric-assessment} case of the public conformance vectors. */
class MetricAssessmentConformanceTest {
  @TestFactory
  Stream<DynamicTest> metricAssessment_conformanceCases_matchArgo() {
    List<JsonNode> cases = Fixtures.cases("metric-assessment");
    assertThat(cases).hasSize(16);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
  }

  private static void check(JsonNode c) {
    JsonNode in = c.get("inputs");
    JsonNode expected = c.get("expected");
    Metric metric = Fixtures.metric(in.get("metric"));
    MetricResult result = Fixtures.result(in.get("result"), List.of());
    int checks = 0;
    if (expected.has("phaseNotTerminating")) {
      assertThat(Assessment.assessMetric(metric, result, false))
          .isEqualTo(AnalysisPhase.fromWireName(expected.get("phaseNotTerminating").asText()));
      checks++;
    }
    if (expected.has("phaseTerminating")) {
      assertThat(Assessment.assessMetric(metric, result, true))
          .isEqualTo(AnalysisPhase.fromWireName(expected.get("phaseTerminating").asText()));
      checks++;
    }
    if (expected.has("limitPhase")) {
      assertThat(Assessment.limitCheck(metric, result).phase())
          .isEqualTo(AnalysisPhase.fromWireName(expected.get("limitPhase").asText()));
      checks++;
    }
    if (expected.has("limitMessage")) {
      assertThat(Assessment.limitCheck(metric, result).message()).isEqualTo(expected.get("limitMessage").asText());
      checks++;
    }
    assertThat(checks).as("expectations checked").isPositive();
  }
}
