/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ObjectMeta;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanRunner;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.template.AnalysisRuns;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link AssayMetrics} exports, read back from a real Prometheus exposition. */
class AssayMetricsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private AnalysisEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private AnalysisEngine engine(AssayMetrics metrics, MetricProvider... providers) {
    var b = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).inlineProviderCalls()
        .listener(metrics.analysisListener());
    for (MetricProvider p : providers) {
      b.provider(p);
    }
    engine = b.build();
    return engine;
  }

  private Map<String, Double> scrape() {
    Map<String, Double> out = new LinkedHashMap<>();
    Exposition.parse(registry.scrape()).forEach(s -> out.put(s.series(), s.value()));
    return out;
  }

  private static AnalysisRun twoMetricRun(String name) {
    AnalysisTemplate t = CanaryTimeline.template("t", "  - name: success-rate\n    interval: 1m\n    count: 3\n"
        + "    successCondition: result[0] >= 0.95\n    provider:\n      prometheus:\n        query: q\n"
        + "  - name: throughput\n    interval: 30s\n    count: 4\n    successCondition: result[0] > 0\n"
        + "    provider:\n      web:\n        url: http://x\n  dryRun:\n  - metricName: throughput\n");
    return AnalysisRuns.fromTemplates(ObjectMeta.of(name, "shop"), List.of(t), List.of());
  }

  /** A web provider answering like the canned prometheus one. */
  private static MetricProvider web() {
    return new MetricProvider() {
      @Override
      public String type() {
        return "web";
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        return ProviderResult.observed(List.of(7.0), "[7]");
      }
    };
  }

  @Test
  void aRunExportsArgosAnalysisMetricsWithArgosNamesLabelsAndValues() {
    AssayMetrics metrics = AssayMetrics.builder(registry).build();
    engine(metrics, new CannedProvider(), web()).start(twoMetricRun("checkout-1"));
    scheduler.runDueTasks();

    Map<String, Double> s = scrape();
    String run = "name=\"checkout-1\",namespace=\"shop\"";
    assertThat(s).containsEntry("analysis_run_info{" + run + ",phase=\"Running\"}", 1.0);
    for (String phase : List.of("Pending", "Error", "Failed", "Successful", "Inconclusive")) {
      assertThat(s).containsEntry("analysis_run_phase{" + run + ",phase=\"" + phase + "\"}", 0.0);
    }
    assertThat(s).containsEntry("analysis_run_phase{" + run + ",phase=\"Running\"}", 1.0)
        .containsEntry("analysis_run_metric_type{metric=\"success-rate\"," + run + ",type=\"Prometheus\"}", 1.0)
        .containsEntry("analysis_run_metric_type{metric=\"throughput\"," + run + ",type=\"Web\"}", 1.0)
        .containsEntry("analysis_run_metric_phase{dry_run=\"false\",metric=\"success-rate\"," + run
            + ",phase=\"Running\",type=\"Prometheus\"}", 1.0)
        .containsEntry("analysis_run_metric_phase{dry_run=\"true\",metric=\"throughput\"," + run
            + ",phase=\"Running\",type=\"Web\"}", 1.0)
        .containsEntry("analysis_run_metric_phase{dry_run=\"true\",metric=\"throughput\"," + run
            + ",phase=\"Pending\",type=\"Web\"}", 0.0)
        .containsEntry("analysis_run_reconcile_count{" + run + "}", 1.0)
        .containsEntry("analysis_run_reconcile_error_total{" + run + "}", 0.0)
        .containsEntry("analysis_run_last_timestamp{" + run + "}", (double) T0.getEpochSecond())
        .containsEntry("analysis_run_measurement_interval_seconds{" + run + "}", 30.0)
        .containsEntry("analysis_runs_active", 1.0)
        .containsEntry("analysis_measurements_total{metric=\"success-rate\",phase=\"Successful\","
            + "provider=\"prometheus\"}", 1.0)
        .containsEntry("analysis_measurements_total{metric=\"success-rate\",phase=\"Error\","
            + "provider=\"prometheus\"}", 0.0)
        .containsEntry("analysis_measurement_duration_seconds_count{metric=\"throughput\",provider=\"web\"}", 1.0)
        .containsEntry("analysis_scheduling_lag_seconds_count", 1.0)
        .containsEntry("analysis_scheduling_lag_seconds_sum", 0.0);
    assertThat(s).containsKey("analysis_run_reconcile_bucket{" + run + ",le=\"0.15\"}");

    scheduler.advanceBy(Duration.ofMinutes(3));
    s = scrape();
    assertThat(s).containsEntry("analysis_run_info{" + run + ",phase=\"Successful\"}", 1.0)
        .doesNotContainKey("analysis_run_info{" + run + ",phase=\"Running\"}")
        .containsEntry("analysis_run_phase{" + run + ",phase=\"Successful\"}", 1.0)
        .containsEntry("analysis_run_phase{" + run + ",phase=\"Running\"}", 0.0)
        .containsEntry("analysis_run_metric_phase{dry_run=\"false\",metric=\"success-rate\"," + run
            + ",phase=\"Successful\",type=\"Prometheus\"}", 1.0)
        .containsEntry("analysis_runs_active", 0.0)
        .containsEntry("analysis_measurements_total{metric=\"success-rate\",phase=\"Successful\","
            + "provider=\"prometheus\"}", 3.0)
        .as("the last provider call: success-rate's third, at 2m + 2 x 1 ms wake margin")
        .containsEntry("analysis_run_last_timestamp{" + run + "}", (double) T0.plusSeconds(120).getEpochSecond()
            + 0.002);
  }

  @Test
  void theSeedsPrefixesGiveTheSeedsNames() {
    AssayMetrics metrics = CanaryTimeline.metrics(registry);
    engine(metrics, new CannedProvider(), web()).start(twoMetricRun("proxy-api-1"));
    metrics.planListener("prod", "proxy-api").phaseChanged(new dev.assay.plan.PlanStatus(
        dev.assay.plan.PlanPhase.ROLLED_BACK, 1, 0, "rolled back", List.of()));
    scheduler.runDueTasks();
    Map<String, Double> s = scrape();
    assertThat(s).containsEntry("argo_rollouts_analysis_run_phase{name=\"proxy-api-1\",namespace=\"shop\","
        + "phase=\"Running\"}", 1.0)
        .containsEntry("argo_rollouts_info{name=\"proxy-api\",namespace=\"prod\",phase=\"Degraded\","
            + "strategy=\"canary\"}", 1.0)
        .containsKey("argo_rollouts_analysis_run_last_timestamp{name=\"proxy-api-1\",namespace=\"shop\"}");
  }

  @Test
  void completedRunsLeaveTheGaugesAfterTheRetention_andActiveRunsCountsOnlyRunning() {
    AssayMetrics metrics = AssayMetrics.builder(registry).completedRunRetention(Duration.ofMinutes(5)).build();
    AnalysisEngine e = engine(metrics, new CannedProvider(), web());
    e.start(twoMetricRun("short"));
    e.start(CanaryTimeline.run("long", "throughput", 30, 4));
    scheduler.advanceBy(Duration.ofMinutes(3));
    assertThat(scrape()).containsEntry("analysis_run_info{name=\"short\",namespace=\"shop\",phase=\"Successful\"}",
        1.0).containsEntry("analysis_runs_active", 1.0);

    scheduler.advanceBy(Duration.ofMinutes(6));
    Map<String, Double> s = scrape();
    assertThat(s.keySet()).noneMatch(k -> k.contains("name=\"short\""));
    assertThat(s).containsKey("analysis_run_info{name=\"long\",namespace=\"prod\",phase=\"Running\"}")
        .containsEntry("analysis_runs_active", 1.0);
  }

  @Test
  void theRunLimitLeavesNewRunsWithoutSeries_countsThem_andFreesRoomAsRunsComplete() {
    AssayMetrics metrics = AssayMetrics.builder(registry).maxRuns(2).build();
    AnalysisEngine e = engine(metrics, new CannedProvider(), web());
    e.start(CanaryTimeline.run("a", "throughput", 30, 4));
    e.start(twoMetricRun("quick"));
    e.start(CanaryTimeline.run("c", "throughput", 30, 4));
    scheduler.runDueTasks();
    Map<String, Double> s = scrape();
    assertThat(s).containsKey("analysis_run_info{name=\"a\",namespace=\"prod\",phase=\"Running\"}")
        .containsKey("analysis_run_info{name=\"quick\",namespace=\"shop\",phase=\"Running\"}")
        .containsEntry("analysis_runs_untracked_total", 1.0);
    assertThat(s.keySet()).noneMatch(k -> k.contains("name=\"c\""));

    scheduler.advanceBy(Duration.ofMinutes(3));
    e.start(CanaryTimeline.run("d", "throughput", 30, 4));
    scheduler.runDueTasks();
    s = scrape();
    assertThat(s).as("the completed run made room").containsKey(
        "analysis_run_info{name=\"d\",namespace=\"prod\",phase=\"Running\"}")
        .containsEntry("analysis_runs_untracked_total", 1.0);
    assertThat(s.keySet()).noneMatch(k -> k.contains("name=\"quick\""));
  }

  @Test
  void quotesBackslashesNewlinesAndUnicodeInNamesSurviveTheExposition() {
    String metric = "lat\"ency\\ p99\nµs ✓ 日本";
    AssayMetrics metrics = AssayMetrics.builder(registry).build();
    engine(metrics, new CannedProvider()).start(CanaryTimeline.run("run-ü", metric, 3, 4));
    scheduler.runDueTasks();

    List<Exposition.Sample> samples = Exposition.parse(registry.scrape());
    assertThat(samples).filteredOn(x -> x.name().equals("analysis_run_metric_type"))
        .singleElement().satisfies(x -> {
          assertThat(x.labels()).containsEntry("metric", metric).containsEntry("name", "run-ü");
          assertThat(x.series()).contains("metric=\"lat\\\"ency\\\\ p99\\nµs ✓ 日本\"");
        });
    assertThat(samples).filteredOn(x -> x.name().equals("analysis_measurements_total"))
        .allSatisfy(x -> assertThat(x.labels()).containsEntry("metric", metric));
  }

  @Test
  void aPlanExportsRolloutInfoStepWeightAndThePauseReason() {
    AssayMetrics metrics = AssayMetrics.builder(registry).build();
    AnalysisEngine e = engine(metrics, new CannedProvider());
    PlanRunner plan = PlanRunner.builder().plan(CanaryPlan.of(CanaryStep.setWeight(20), CanaryStep.pause(),
        CanaryStep.setWeight(50), CanaryStep.analysis("unsure"))).engine(e).scheduler(scheduler).router(p -> { })
        .templates(CanaryTimeline.templates()).name("checkout", "shop")
        .listener(metrics.planListener("shop", "checkout")).build();
    plan.start();
    String tags = "name=\"checkout\",namespace=\"shop\"";
    assertThat(scrape()).containsEntry("rollout_info{" + tags + ",phase=\"Paused\",strategy=\"canary\"}", 1.0)
        .containsEntry("rollout_paused{" + tags + ",reason=\"CanaryPauseStep\"}", 1.0)
        .containsEntry("rollout_canary_weight{" + tags + "}", 20.0)
        .containsEntry("rollout_current_step{" + tags + "}", 1.0);

    plan.promote();
    scheduler.runDueTasks();
    Map<String, Double> s = scrape();
    assertThat(s).containsEntry("rollout_info{" + tags + ",phase=\"Paused\",strategy=\"canary\"}", 1.0)
        .containsEntry("rollout_paused{" + tags + ",reason=\"InconclusiveAnalysisRun\"}", 1.0)
        .doesNotContainKey("rollout_paused{" + tags + ",reason=\"CanaryPauseStep\"}")
        .containsEntry("rollout_canary_weight{" + tags + "}", 50.0)
        .containsEntry("rollout_current_step{" + tags + "}", 3.0);

    plan.promote();
    s = scrape();
    assertThat(s).containsEntry("rollout_info{" + tags + ",phase=\"Healthy\",strategy=\"canary\"}", 1.0)
        .containsEntry("rollout_canary_weight{" + tags + "}", 100.0);
    assertThat(s.keySet()).noneMatch(k -> k.startsWith("rollout_paused"))
        .noneMatch(k -> k.startsWith("rollout_info{" + tags + ",phase=\"Paused\""));

    metrics.forgetPlan("shop", "checkout");
    assertThat(scrape().keySet()).noneMatch(k -> k.startsWith("rollout_"));
  }

  @Test
  void judgeVerdictsAreCountedByMetricAndVerdict() {
    MetricProvider judge = new MetricProvider() {
      @Override
      public String type() {
        return JudgeMetricProvider.TYPE;
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        return new ProviderResult.Observed(Map.of("verdict", "fail"), "fail", Map.of("verdict", "fail"));
      }
    };
    AnalysisTemplate t = CanaryTimeline.template("j", "  - name: latency-vs-stable\n    interval: 1m\n"
        + "    count: 3\n    failureLimit: 2\n    successCondition: result.verdict == \"pass\"\n"
        + "    provider:\n      plugin:\n        assay/judge:\n          canary: {prometheus: {query: a}}\n"
        + "          baseline: {prometheus: {query: b}}\n");
    var handle = engine(AssayMetrics.builder(registry).build(), judge)
        .start(AnalysisRuns.fromTemplates(ObjectMeta.of("judged", "shop"), List.of(t), List.of()));
    scheduler.advanceBy(Duration.ofMinutes(2));
    assertThat(handle.status().message()).isEmpty();

    assertThat(scrape()).containsEntry("analysis_judge_verdicts_total{metric=\"latency-vs-stable\",verdict=\"fail\"}",
        2.0).containsEntry("analysis_run_metric_type{metric=\"latency-vs-stable\",name=\"judged\",namespace=\"shop\","
            + "type=\"RPCPlugin\"}", 1.0);
  }

  @Test
  void prefixesAreValidated() {
    assertThatThrownBy(() -> AssayMetrics.builder(registry).prefix("argo-rollouts"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argo_rollouts_");
    assertThatThrownBy(() -> AssayMetrics.builder(registry).rolloutPrefix(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AssayMetrics.builder(registry).maxRuns(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedRunShowsFailedAndItsMetricPhase() {
    AssayMetrics metrics = AssayMetrics.builder(registry).build();
    AnalysisRun bad = AnalysisRuns.fromTemplates(ObjectMeta.of("bad", "shop"),
        List.of(CanaryTimeline.templates().get(1)), List.of());
    engine(metrics, new CannedProvider()).start(bad);
    scheduler.runDueTasks();
    assertThat(engine.activeRuns()).isZero();
    assertThat(scrape()).containsEntry("analysis_run_phase{name=\"bad\",namespace=\"shop\",phase=\"Failed\"}", 1.0)
        .containsEntry("analysis_run_metric_phase{dry_run=\"false\",metric=\"error-rate\",name=\"bad\","
            + "namespace=\"shop\",phase=\"" + AnalysisPhase.FAILED.wireName() + "\",type=\"Prometheus\"}", 1.0);
  }
}
