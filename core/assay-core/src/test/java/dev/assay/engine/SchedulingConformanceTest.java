/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every {@code scheduling} case of the public conformance vectors: task generation and requeue times. */
class SchedulingConformanceTest {
  @TestFactory
  Stream<DynamicTest> scheduling_conformanceCases_matchArgo() {
    List<JsonNode> cases = Fixtures.cases("scheduling");
    assertThat(cases).hasSize(4);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
  }

  private static void check(JsonNode c) {
    JsonNode in = c.get("inputs");
    JsonNode expected = c.get("expected");
    List<Metric> metrics = Fixtures.metrics(in.get("metrics"));
    AnalysisRun run = Fixtures.run(metrics, in.get("metricResults"), List.of(), false);
    String operation = in.get("operation").asText();
    if (operation.equals("generateMetricTasks")) {
      List<String> actual = new ArrayList<>();
      for (MetricTask t : TaskPlanner.plan(run, metrics, Fixtures.NOW)) {
        actual.add(t.metric().name() + (t.kind() == MetricTask.Kind.RESUME ? " resume" : " start"));
      }
      List<String> wanted = new ArrayList<>();
      for (JsonNode t : expected.get("tasks")) {
        wanted.add(t.get("metric").asText() + (t.path("resume").asBoolean() ? " resume" : " start"));
      }
      assertThat(actual).containsExactlyElementsOf(wanted);
    } else {
      assertThat(operation).isEqualTo("calculateNextReconcileTime");
      JsonNode offset = expected.get("nextReconcileOffsetSec");
      assertThat(TaskPlanner.nextReconcileTime(run, metrics))
          .isEqualTo(offset.isNull() ? java.util.Optional.empty()
              : java.util.Optional.of(Fixtures.NOW.plusSeconds(offset.asLong())));
    }
  }
}
