/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.template.AnalysisRuns;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge inside a YAML template, run by the engine in virtual time. */
class JudgeEngineTest {
  private static final String CANARY = "latency_ms{rollouts_pod_template_hash=\"c4n4ry\"}";
  private static final String STABLE = "latency_ms{rollouts_pod_template_hash=\"st4bl3\"}";

  private static String template() throws IOException {
    try (InputStream in = JudgeEngineTest.class.getResourceAsStream("/judge/latency-template.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static AnalysisRunStatus analyse(String yaml, SeriesByQueryProvider prometheus) {
    AnalysisTemplate template = Manifests.read(yaml, AnalysisTemplate.class);
    AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("rollout-7-latency", "shop"), List.of(template),
        List.of(Argument.of("canary-hash", "c4n4ry"), Argument.of("stable-hash", "st4bl3")));
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-03-01T12:00:00Z")));
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
        .inlineProviderCalls().provider(prometheus).provider(JudgeMetricProvider.delegatingTo(prometheus)).build()) {
      AnalysisHandle handle = engine.start(run);
      scheduler.advanceBy(Duration.ofMinutes(20));
      return handle.status();
    }
  }

  @Test
  void healthyCanary_passesTheLatencyTemplate() throws IOException {
    SeriesByQueryProvider prometheus = new SeriesByQueryProvider()
        .answer(CANARY, Samples.around(151, 0.3, 60)).answer(STABLE, Samples.around(150, 0.3, 60));
    AnalysisRunStatus status = analyse(template(), prometheus);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    MetricResult latency = status.metricResults().get(0);
    assertThat(latency.measurements()).hasSize(3).allSatisfy(m -> {
      assertThat(m.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(m.value()).contains("lies below the +20% margin").contains("[rule non-inferiority; n 60/60");
      assertThat(m.metadata()).containsEntry("verdict", "pass").containsEntry("canary.query", CANARY);
    });
    assertThat(latency.metadata()).containsEntry("canary.ResolvedPrometheusQuery", CANARY)
        .containsEntry("baseline.ResolvedPrometheusQuery", STABLE);
    assertThat(prometheus.queries()).hasSize(6).startsWith(CANARY, STABLE);
  }

  @Test
  void fiftyPercentSlowerCanary_failsTheLatencyTemplate_withTheReasonInTheMeasurement() throws IOException {
    SeriesByQueryProvider prometheus = new SeriesByQueryProvider()
        .answer(CANARY, Samples.around(225, 0.3, 60)).answer(STABLE, Samples.around(150, 0.3, 60));
    AnalysisRunStatus status = analyse(template(), prometheus);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.FAILED);
    Measurement first = status.metricResults().get(0).measurements().get(0);
    assertThat(first.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(first.value()).contains("canary median").contains("lies above the +20% margin");
    assertThat(first.metadata()).containsEntry("verdict", "fail").containsKeys("pValue", "u", "z", "ci");
  }

  @Test
  void tooFewValues_areInconclusive_notPassed() throws IOException {
    SeriesByQueryProvider prometheus = new SeriesByQueryProvider()
        .answer(CANARY, List.of(150.0, 151.0, 149.0)).answer(STABLE, List.of(150.0, 152.0, 148.0));
    AnalysisRunStatus status = analyse(template(), prometheus);

    assertThat(status.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    Measurement first = status.metricResults().get(0).measurements().get(0);
    assertThat(first.metadata()).containsEntry("verdict", "inconclusive").containsEntry("minSampleSize", "5");
  }

  @Test
  void customRule_readsTheIntervalFromResult() throws IOException {
    String yaml = template()
        .replace("successCondition: result.verdict == \"pass\"", "successCondition: result.ci[1] < 0.7")
        .replace("failureCondition: result.verdict == \"fail\"", "failureCondition: result.pValue < 0")
        .replace("          margin: 0.2\n", "          margin: 0.1\n");
    SeriesByQueryProvider prometheus = new SeriesByQueryProvider()
        .answer(CANARY, Samples.around(225, 0.3, 60)).answer(STABLE, Samples.around(150, 0.3, 60));
    AnalysisRunStatus status = analyse(yaml, prometheus);

    // the default verdict is "fail" (50% slower), but this template only asks that the upper bound stays below 70%
    assertThat(status.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(status.metricResults().get(0).measurements().get(0).metadata()).containsEntry("verdict", "fail");
  }

  @Test
  void missingSeriesProvider_isAnErrorNamingIt() throws IOException {
    AnalysisTemplate template = Manifests.read(template(), AnalysisTemplate.class);
    AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("r", "shop"), List.of(template),
        List.of(Argument.of("canary-hash", "c"), Argument.of("stable-hash", "s")));
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-03-01T12:00:00Z")));
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
        .inlineProviderCalls().provider(JudgeMetricProvider.delegatingTo()).build()) {
      AnalysisHandle handle = engine.start(run);
      scheduler.advanceBy(Duration.ofSeconds(1));
      Measurement m = handle.status().metricResults().get(0).measurements().get(0);
      assertThat(m.phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(m.message()).isEqualTo("canary series: no metric provider registered for \"prometheus\"");
    }
  }

  @Test
  void kayentasReportedMiss_throughTheTemplate_kayentaPassesItTheDefaultRuleDoesNot() throws IOException {
    // spinnaker#6278: canary [100 x7, 1 x3] against baseline [1 x10]
    SeriesByQueryProvider prometheus = new SeriesByQueryProvider()
        .answer(CANARY, Samples.repeat(100, 7, List.of(1.0, 1.0, 1.0)))
        .answer(STABLE, Samples.repeat(1, 10, List.of()));
    String kayenta = template().replace("          margin: 0.2\n          unit: ms\n", "          rule: kayenta\n");

    AnalysisRunStatus ours = analyse(template(), prometheus);
    AnalysisRunStatus theirs = analyse(kayenta, prometheus);

    assertThat(theirs.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(ours.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(ours.metricResults().get(0).measurements().get(0).value()).contains("inconclusive");
  }
}
