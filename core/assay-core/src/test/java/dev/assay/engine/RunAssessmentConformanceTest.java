/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.RunSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every {@code run-assessment} case of the public conformance vectors. */
class RunAssessmentConformanceTest {
  @TestFactory
  Stream<DynamicTest> runAssessment_conformanceCases_matchArgo() {
    List<JsonNode> cases = Fixtures.cases("run-assessment");
    assertThat(cases).hasSize(17);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
  }

  private static void check(JsonNode c) throws Exception {
    JsonNode in = c.get("inputs");
    JsonNode expected = c.get("expected");
    String operation = in.get("operation").asText();
    switch (operation) {
      case "isTerminating":
        checkIsTerminating(in);
        return;
      case "garbageCollectMeasurements":
        checkTrim(in, expected);
        return;
      case "assessRunStatus":
        checkAssessRun(in, expected);
        return;
      default:
        assertThat(operation).isEqualTo("reconcile");
        RunConformance.checkReconcile(in, expected);
    }
  }

  private static void checkAssessRun(JsonNode in, JsonNode expected) {
    List<Metric> metrics = Fixtures.metrics(in.get("metrics"));
    List<String> dry = in.has("dryRunMetrics") ? Fixtures.strings(in.get("dryRunMetrics")) : List.of();
    AnalysisRun run = Fixtures.run(metrics, in.get("metricResults"), dry, false);
    RunAssessment a = Assessment.assessRun(run, metrics, Set.copyOf(dry), Fixtures.NOW);
    assertThat(a.phase()).isEqualTo(AnalysisPhase.fromWireName(expected.get("phase").asText()));
    assertThat(a.message()).isEqualTo(expected.get("message").asText());
    if (expected.has("dryRunSummary")) {
      assertThat(a.status().dryRunSummary()).isEqualTo(summary(expected.get("dryRunSummary")));
    }
  }

  static RunSummary summary(JsonNode n) {
    return new RunSummary(n.get("count").asInt(), n.get("successful").asInt(), n.get("failed").asInt(),
        n.get("inconclusive").asInt(), n.get("error").asInt());
  }

  private static void checkTrim(JsonNode in, JsonNode expected) {
    int defaultLimit = in.get("defaultLimit").asInt();
    Map<String, Integer> rules = new LinkedHashMap<>();
    in.get("retentionLimitsByMetric").properties().forEach(e -> rules.put(e.getKey(), e.getValue().asInt()));
    Iterator<Map.Entry<String, JsonNode>> metrics = in.get("measurementValues").properties().iterator();
    int checked = 0;
    while (metrics.hasNext()) {
      Map.Entry<String, JsonNode> e = metrics.next();
      List<Measurement> ms = new ArrayList<>();
      e.getValue().forEach(v -> ms.add(Measurement.builder().value(v.asText()).build()));
      List<Measurement> kept = Retention.newest(ms, Retention.limitFor(rules, e.getKey(), defaultLimit));
      assertThat(kept).extracting(Measurement::value)
          .containsExactlyElementsOf(Fixtures.strings(expected.get("measurementValues").get(e.getKey())));
      checked++;
    }
    assertThat(checked).isPositive();
  }

  private static void checkIsTerminating(JsonNode in) {
    Map<String, String> phases = new LinkedHashMap<>();
    Set<String> dry = new HashSet<>();
    for (JsonNode step : in.get("steps")) {
      JsonNode results = step.get("results");
      if (results.isTextual()) {
        phases.clear();
      } else {
        results.properties().forEach(e -> {
          String name = e.getKey().replace("(dry)", "");
          if (e.getKey().endsWith("(dry)")) {
            dry.add(name);
          }
          phases.put(name, e.getValue().asText());
        });
      }
      List<MetricResult> rs = new ArrayList<>();
      phases.forEach((name, phase) -> rs.add(MetricResult.start(name, dry.contains(name), Map.of()).toBuilder()
          .phase(AnalysisPhase.fromWireName(phase)).build()));
      AnalysisRun run = Fixtures.run(List.of(), Fixtures.JSON.createArrayNode(), List.of(), false);
      run = run.withStatus(new dev.assay.model.AnalysisRunStatus(AnalysisPhase.RUNNING, "", rs, null, null, null,
          null));
      assertThat(Assessment.isTerminating(run)).as(step.toString()).isEqualTo(step.get("expect").asBoolean());
    }
  }
}
