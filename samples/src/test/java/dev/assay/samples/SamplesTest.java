/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.samples.condition.ConditionSample;
import dev.assay.samples.controller.ControllerLoopSample;
import dev.assay.samples.provider.CustomProviderSample;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void controllerLoopResumesFromStoredJsonAndCompletes() {
    AnalysisRun run = ControllerLoopSample.run();

    assertThat(run.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(run.status().metricResult("error-rate").orElseThrow().count()).isEqualTo(5);
    // the judge's running totals crossed the controller restart: 5 looks of 1,000 requests per side
    assertThat(run.status().metricResult("error-rate-vs-stable").orElseThrow().lastMeasurement().orElseThrow()
        .metadata().get("sequential.state")).startsWith("v1;proportion;5;5000,");
  }

  @Test
  void customProviderJudgesTheQueueDepth() throws Exception {
    assertThat(CustomProviderSample.run(Map.of("orders", 42.0)).status().phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(CustomProviderSample.run(Map.of("orders", 500.0)).status().phase())
        .isEqualTo(AnalysisPhase.FAILED);
  }

  @Test
  void conditionsEvaluateInteractively() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    assertThat(ConditionSample.evaluate("result[0] < 0.05 | result[0] >= 0.1 | [0.07]", clock))
        .isEqualTo("Inconclusive");
    assertThat(ConditionSample.evaluate("result[0] < 0.05 | result[0] >= 0.1 | [0.2]", clock))
        .isEqualTo("Failed");
    assertThat(ConditionSample.evaluate("result == \"UP\" | | UP", clock)).isEqualTo("Successful");
    assertThat(ConditionSample.evaluate("result[0] < 0.05 | | []", clock)).startsWith("Error");
  }
}
