/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.model.Argument;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.templates.CanaryTemplates;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanRunnerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
  private final List<Integer> weights = new CopyOnWriteArrayList<>();
  private AnalysisEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  static ScriptedProvider web() {
    return ScriptedProvider.builder("web")
        .script("health", ScriptStep.value("UP"))
        .script("metrics-endpoint", ScriptStep.value("http_requests_total{status=\"200\"} 12"))
        .script("status", ScriptStep.value(Map.of("ready", true)))
        .build();
  }

  /**
   * The scripted Prometheus answers, plus the latency judge's two P99 series: stable's wobbles around 200 ms and
   * the canary's is stable's times {@code ratio}.
   */
  static MetricProvider prometheus(double errorRate, double p50, double p99, double ratio) {
    return new P99Series(scripted(errorRate, p50, p99), ratio, errorRate);
  }

  private static ScriptedProvider scripted(double errorRate, double p50, double p99) {
    return ScriptedProvider.builder("prometheus")
        .script("error-rate", ScriptStep.value(List.of(errorRate)))
        .script("success-rate", ScriptStep.value(List.of(1 - errorRate)))
        .script("p50-latency", ScriptStep.value(List.of(p50)))
        .script("p99-latency", ScriptStep.value(List.of(p99)))
        .script("pod-restarts", ScriptStep.value(List.of()))
        .script("memory-usage", ScriptStep.value(List.of(0.4)))
        .script("cpu-usage", ScriptStep.value(List.of(0.3)))
        .script("no-recent-errors", ScriptStep.value(List.of(errorRate > 0 ? 12.0 : 0.0)))
        .build();
  }

  private PlanRunner runner(MetricProvider prometheus, CanaryPlan plan) {
    engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).inlineProviderCalls()
        .provider(prometheus).provider(web()).provider(JudgeMetricProvider.delegatingTo(prometheus)).build();
    return PlanRunner.builder().plan(plan).engine(engine).scheduler(scheduler).router(weights::add)
        .templates(CanaryTemplates.all()).name("checkout", "shop")
        .args(List.of(Argument.of("service-name", "checkout"), Argument.of("namespace", "shop"),
            Argument.of("canary-hash", "c4n4ry"), Argument.of("stable-hash", "st4bl3"),
            Argument.of("canary-url", "http://checkout-canary.shop:8080")))
        .build();
  }

  private Duration walk(PlanRunner r) {
    r.start();
    Duration elapsed = Duration.ZERO;
    while (!r.status().phase().isDone() && r.status().phase() != PlanPhase.PAUSED
        && elapsed.compareTo(Duration.ofHours(3)) < 0) {
      scheduler.advanceBy(Duration.ofSeconds(1));
      elapsed = elapsed.plusSeconds(1);
    }
    return elapsed;
  }

  @Test
  void goodCanaryIsPromotedAfterTheWholeStandardPlan() {
    PlanRunner r = runner(prometheus(0.0, 0.03, 0.2, 1.05), CanaryPlan.standard());

    Duration took = walk(r);

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(5, 10, 25, 50, 75, 100);
    assertThat(r.status().analyses()).hasSize(5);
    assertThat(took).isBetween(Duration.ofMinutes(45), Duration.ofMinutes(60));
  }

  @Test
  void errorProneCanaryRollsBackAtTheErrorRateStep() {
    PlanRunner r = runner(prometheus(0.15, 0.03, 0.2, 1.0), CanaryPlan.standard());

    walk(r);

    PlanStatus s = r.status();
    assertThat(s.phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(s.stepIndex()).isEqualTo(5);
    assertThat(weights).containsExactly(5, 10, 0);
    assertThat(s.weight()).isZero();
    assertThat(s.message()).contains("rolled back at step 6/16 (10%)", "metric \"error-rate\" Failed",
        "[0.15]", "failureCondition: len(result) > 0 && result[0] >= 0.1", "failureLimit 0");
  }

  @Test
  void slowCanaryRollsBackAtTheLatencyStep() {
    PlanRunner r = runner(prometheus(0.0, 0.4, 0.8, 2.5), CanaryPlan.standard());

    walk(r);

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().stepIndex()).isEqualTo(8);
    assertThat(weights).containsExactly(5, 10, 25, 0);
    assertThat(r.status().message()).contains("metric \"p99-latency\" Failed", "metric \"p50-latency\" Failed",
        "failed (2) > failureLimit (1)");
  }

  @Test
  void canaryHalfAsSlowAgainAsStableRollsBackAtTheLatencyStepThroughTheJudge() {
    PlanRunner r = runner(prometheus(0.0, 0.03, 0.3, 1.5), CanaryPlan.standard());

    walk(r);

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().stepIndex()).isEqualTo(8);
    assertThat(weights).containsExactly(5, 10, 25, 0);
    assertThat(r.status().message()).contains("metric \"p99-vs-stable\" Failed", "lies above the +20% margin: fail",
        "failureCondition: result.verdict == \"fail\"", "failed (2) > failureLimit (1)")
        .doesNotContain("metric \"p99-latency\" Failed");
  }

  @Test
  void canaryWithoutDataPausesInconclusiveAndCanBePromotedOrRetried() {
    ScriptedProvider empty = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(List.of()))
        .build();
    PlanRunner r = runner(empty, CanaryPlan.standard());

    walk(r);

    assertThat(r.status().phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(r.status().stepIndex()).isEqualTo(5);
    assertThat(r.status().weight()).isEqualTo(10);
    assertThat(r.status().message()).contains("Inconclusive", "[[]");
    r.retry();
    scheduler.advanceBy(Duration.ofMinutes(10));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(r.status().analyses()).hasSize(3);
    r.promote();
    assertThat(r.status().stepIndex()).isEqualTo(7);
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
  }

  @Test
  void indefinitePauseWaitsForPromote() {
    PlanRunner r = runner(prometheus(0, 0, 0, 1), CanaryPlan.of(CanaryStep.setWeight(20), CanaryStep.pause(),
        CanaryStep.setWeight(60)));

    r.start();
    scheduler.advanceBy(Duration.ofHours(1));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PAUSED);
    assertThat(weights).containsExactly(20);

    r.promote();
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(20, 60, 100);
  }

  @Test
  void abortSetsWeightZeroAndRetryStartsOver() {
    PlanRunner r = runner(prometheus(0, 0.01, 0.1, 1), CanaryPlan.standard());
    r.start();
    scheduler.advanceBy(Duration.ofMinutes(1));

    r.abort();
    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).contains("aborted by request");
    scheduler.advanceBy(Duration.ofMinutes(5));
    assertThat(weights).containsExactly(5, 0);

    r.retry();
    assertThat(weights).containsExactly(5, 0, 5);
    r.promoteFull();
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(5, 0, 5, 100);
    assertThatThrownBy(r::abort).isInstanceOf(IllegalStateException.class).hasMessageContaining("PROMOTED");
  }

  @Test
  void promoteSkipsATimedPause() {
    PlanRunner r = runner(prometheus(0, 0, 0, 1), CanaryPlan.of(CanaryStep.setWeight(30),
        CanaryStep.pause(Duration.ofHours(2)), CanaryStep.setWeight(70), CanaryStep.pause(Duration.ofSeconds(5))));
    r.start();

    r.promote();
    assertThat(weights).containsExactly(30, 70);
    scheduler.advanceBy(Duration.ofSeconds(6));
    assertThat(r.status().phase()).isEqualTo(PlanPhase.PROMOTED);
    assertThat(weights).containsExactly(30, 70, 100);
  }

  @Test
  void aFailingRouterRollsBack() {
    engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).build();
    PlanRunner r = PlanRunner.builder().plan(CanaryPlan.of(CanaryStep.setWeight(40))).engine(engine)
        .scheduler(scheduler).router(w -> {
          if (w == 40) {
            throw new IllegalStateException("gateway said 503");
          }
          weights.add(w);
        }).build();

    r.start();

    assertThat(r.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(r.status().message()).contains("setting weight 40% failed: gateway said 503");
    assertThat(weights).containsExactly(0);
  }

  @Test
  void unknownTemplateIsRejectedWhenBuilding() {
    engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).build();
    assertThatThrownBy(() -> PlanRunner.builder().plan(CanaryPlan.of(CanaryStep.analysis("nope"))).engine(engine)
        .scheduler(scheduler).router(weights::add).build())
        .hasMessageContaining("template nope");
  }

  /**
   * Answers the judges' queries: the P99 range series of {@code p99-vs-stable}, and the 5xx and request counts of
   * {@code error-rate-vs-stable} (1,000 requests per look each, the canary at its error rate, stable without
   * errors); everything else goes to the script.
   */
  private static final class P99Series implements MetricProvider {
    private final ScriptedProvider script;
    private final double ratio;
    private final double errorRate;

    P99Series(ScriptedProvider script, double ratio, double errorRate) {
      this.script = script;
      this.ratio = ratio;
      this.errorRate = errorRate;
    }

    @Override
    public String type() {
      return "prometheus";
    }

    @Override
    public ProviderResult run(MeasurementContext context) throws Exception {
      boolean canary = context.metric().provider().prometheus() != null
          && context.metric().provider().prometheus().query().contains("\"c4n4ry\"");
      if (context.metric().name().equals("error-rate-vs-stable")) {
        boolean events = context.metric().provider().prometheus().query().contains("=~\"5..\"");
        double count = events ? (canary ? Math.round(1000 * errorRate) : 0) : 1000;
        return ProviderResult.observed(List.of(count), Double.toString(count));
      }
      if (!context.metric().name().equals("p99-vs-stable")) {
        return script.run(context);
      }
      List<Double> series = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        series.add((0.2 + 0.002 * (i % 7)) * (canary ? ratio : 1.0));
      }
      return ProviderResult.observed(series, series.toString());
    }
  }
}
