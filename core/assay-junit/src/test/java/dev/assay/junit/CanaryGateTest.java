/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryGateTest {
  private final CanaryGateExtension gate = new CanaryGateExtension();

  @Test
  @CanaryGate(template = "classpath:gate/quick.yaml", args = "value=0.01", timeoutSeconds = 30)
  void annotationRunsTheGateAndInjectsTheRun(AnalysisRun run) {
    assertThat(run.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(run.status().metricResult("error-rate").orElseThrow().measurements().get(0).value())
        .isEqualTo("[0.01]");
  }

  @Test
  @CanaryGate(template = "classpath:/gate/quick.yaml", args = "value=0.5", expect = AnalysisPhase.FAILED)
  void annotationCanExpectAFailure(AnalysisRun run) {
    CanaryAssertions.assertThat(run).fails().hasMetricPhase("error-rate", AnalysisPhase.FAILED);
  }

  @Test
  void failureMessageNamesMetricMeasurementsConditionAndLimit() {
    AnalysisRun run = gate.run("classpath:gate/quick.yaml", List.of(Argument.of("value", "0.5")),
        Duration.ofSeconds(30));

    assertThatThrownBy(() -> CanaryAssertions.assertThat(run).passes())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the analysis to be Successful, but it was Failed.")
        .hasMessageContaining("metric \"error-rate\" Failed: measurements [[0.5] Failed]")
        .hasMessageContaining("failureCondition: len(result) > 0 && result[0] >= 0.1")
        .hasMessageContaining("failureLimit 0");
  }

  @Test
  void inconclusiveMetricIsReported() {
    AnalysisRun run = gate.run("classpath:gate/quick.yaml", List.of(Argument.of("value", "0.07")),
        Duration.ofSeconds(30));

    assertThatThrownBy(() -> CanaryAssertions.assertThat(run).hasMetricPhase("error-rate",
        AnalysisPhase.SUCCESSFUL)).hasMessageContaining("but it was Inconclusive");
  }

  @Test
  void placeholdersComeFromSystemProperties() {
    System.setProperty("assay.test.prom", "http://127.0.0.1:9");
    try {
      assertThat(CanaryGateExtension.expand("${assay.test.prom}/x")).isEqualTo("http://127.0.0.1:9/x");
    } finally {
      System.clearProperty("assay.test.prom");
    }
    assertThatThrownBy(() -> CanaryGateExtension.expand("${assay.nope.nope}"))
        .hasMessageContaining("assay.nope.nope");
  }

  @Test
  void builtinTemplatesLoad() {
    assertThat(CanaryGateExtension.loadTemplate("builtin:latency-analysis").metadata().name())
        .isEqualTo("latency-analysis");
    assertThatThrownBy(() -> CanaryGateExtension.loadTemplate("classpath:none.yaml"))
        .hasMessageContaining("none.yaml");
  }

  @Test
  @CanaryGate(template = "classpath:gate/quick.yaml", args = "value=0.01", providerSettings = "constant.offset=0.5",
      expect = AnalysisPhase.FAILED)
  void providerSettingsReachTheProviderFactory(AnalysisRun run) {
    assertThat(run.status().metricResult("error-rate").orElseThrow().measurements().get(0).value())
        .isEqualTo("[0.51]");
  }

  @Test
  void providerSettingsAreParsedPerProviderType() {
    assertThat(CanaryGateExtension.providerSettings(new String[] {"job.defaultRunner=local", "job.ownerReferences=false",
        "web.timeout=5s"}))
        .containsOnlyKeys("job", "web")
        .satisfies(m -> assertThat(m.get("job").properties())
            .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("defaultRunner", "local", "ownerReferences", "false")));
    assertThatThrownBy(() -> CanaryGateExtension.providerSettings(new String[] {"defaultRunner=local"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<provider type>.<key>=<value>")
        .hasMessageContaining("defaultRunner=local");
  }

  @Test
  @CanaryGate(template = "classpath:gate/slow.yaml", args = {"value=0.01", "preflight-failure=query does not parse"},
      expect = AnalysisPhase.ERROR)
  void aFailedPreflightEndsTheGateAtOnceWithTheCause(AnalysisRun run) {
    assertThat(run.status().message())
        .isEqualTo("Pre-flight check failed for metric \"error-rate\" (provider constant): query does not parse");
    assertThat(run.status().metricResults()).isEmpty();
  }

  @Test
  void timeoutMessageListsEachMetricsPhaseCountsAndLastValue() {
    assertThatThrownBy(() -> gate.run("classpath:gate/slow.yaml", List.of(Argument.of("value", "0.02")),
        Duration.ofMillis(300)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not complete within PT0.3S")
        .hasMessageContaining("the run was Running")
        .hasMessageContaining("metric \"error-rate\" Running")
        .hasMessageContaining("successful=1")
        .hasMessageContaining("[0.02]");
  }
}
