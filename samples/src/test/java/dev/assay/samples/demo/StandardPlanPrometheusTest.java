/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.model.Argument;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.PlanStatus;
import dev.assay.prometheus.PrometheusMetricProvider;
import dev.assay.prometheus.PrometheusServer;
import dev.assay.templates.CanaryTemplates;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard plan with the shipped templates, unchanged (default counts, intervals and windows), against a real
 * Prometheus holding backfilled data, on a manual clock: the whole hour runs in seconds.
 */
class StandardPlanPrometheusTest {
  @TempDir static Path dir;
  static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    prometheus = PrometheusServer.start(dir, Backfill.openMetrics());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private PlanStatus walk(String service, List<Integer> weights) {
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(Backfill.T0.plus(Duration.ofMinutes(5))));
    ScriptedProvider web = ScriptedProvider.builder("web")
        .script("health", ScriptStep.value("UP"))
        .script("metrics-endpoint", ScriptStep.value("http_requests_total{status=\"200\"} 1"))
        .script("status", ScriptStep.value(Map.of("ready", true)))
        .build();
    try (PrometheusMetricProvider prom = PrometheusMetricProvider.create();
        AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
            .inlineProviderCalls().provider(prom).provider(web).provider(JudgeMetricProvider.delegatingTo(prom))
            .build()) {
      PlanRunner runner = PlanRunner.builder().plan(CanaryPlan.standard()).engine(engine).scheduler(scheduler)
          .router(weights::add).templates(CanaryTemplates.all()).name(service, "demo")
          .args(List.of(Argument.of("service-name", service), Argument.of("namespace", "demo"),
              Argument.of("canary-hash", Backfill.CANARY), Argument.of("stable-hash", Backfill.STABLE),
              Argument.of("canary-url", "http://" + service + "-canary.demo:8080"),
              Argument.of("prometheus-address", prometheus.baseUrl())))
          .build();
      runner.start();
      for (int i = 0; i < 70 * 60 && !runner.status().phase().isDone()
          && runner.status().phase() != PlanPhase.PAUSED; i++) {
        scheduler.advanceBy(Duration.ofSeconds(1));
      }
      return runner.status();
    }
  }

  @Test
  void goodCanaryIsPromoted() {
    List<Integer> weights = new CopyOnWriteArrayList<>();

    PlanStatus s = walk("good", weights);

    assertThat(s.phase()).as(s.message()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(5, 10, 25, 50, 75, 100);
    assertThat(s.analyses()).hasSize(5);
    assertThat(s.analyses().get(2).status().metricResult("p99-vs-stable").orElseThrow().measurements())
        .hasSize(5).allSatisfy(m -> assertThat(m.value()).startsWith("canary median").contains("n 41/41")
            .contains("below the +20% margin: pass"));
  }

  @Test
  void errorProneCanaryRollsBackAtTheErrorRateStep() {
    List<Integer> weights = new CopyOnWriteArrayList<>();

    PlanStatus s = walk("error-prone", weights);

    assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(weights).containsExactly(5, 10, 0);
    assertThat(s.message()).contains("rolled back at step 6/16 (10%)", "metric \"error-rate\" Failed",
        "[0.1499999", "success-rate\" Failed: measurements [[0.85]", "failureLimit 0");
  }

  @Test
  void slowCanaryRollsBackAtTheLatencyStep() {
    List<Integer> weights = new CopyOnWriteArrayList<>();

    PlanStatus s = walk("slow", weights);

    assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(weights).containsExactly(5, 10, 25, 0);
    assertThat(s.message()).contains("rolled back at step 9/16 (25%)", "metric \"p50-latency\" Failed",
        "failed (2) > failureLimit (1)");
  }

  @Test
  void canaryTwiceAsSlowAsStableWithinTheAbsoluteLimitsRollsBackThroughTheJudge() {
    List<Integer> weights = new CopyOnWriteArrayList<>();

    PlanStatus s = walk("sluggish", weights);

    assertThat(s.phase()).as(s.message()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(weights).containsExactly(5, 10, 25, 0);
    assertThat(s.message()).contains("rolled back at step 9/16 (25%)", "metric \"p99-vs-stable\" Failed",
        "above the +20% margin: fail", "failed (2) > failureLimit (1)")
        .doesNotContain("metric \"p50-latency\" Failed").doesNotContain("metric \"p99-latency\" Failed");
  }

  @Test
  void canaryWithoutDataPausesInconclusive() {
    List<Integer> weights = new CopyOnWriteArrayList<>();

    PlanStatus s = walk("idle", weights);

    assertThat(s.phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(weights).containsExactly(5, 10);
    assertThat(s.message()).contains("paused at step 6/16 (10%)", "Inconclusive", "measurements [[] Inconclusive]");
  }
}
