/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.engine.ReconcileResult;
import dev.assay.engine.Reconciler;
import dev.assay.expr.Conditions;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.RangeQuery;
import dev.assay.spi.ProviderResult;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider and the engine against a real Prometheus holding backfilled data ({@link BackfillData}). */
class RealPrometheusTest {
  private static final double ERROR_RATIO = 0.5 / 10.5;

  @TempDir
  static Path dir;

  static PrometheusServer server;
  static PrometheusMetricProvider provider;

  @BeforeAll
  static void start() throws Exception {
    server = PrometheusServer.start(dir, BackfillData.openMetrics());
    provider = PrometheusMetricProvider.builder().environment(k -> null).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static ProviderResult query(PrometheusMetric metric) {
    return provider.run(Contexts.of(Contexts.metric(metric), BackfillData.END, List.of()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void provider_errorRate_exactRatioAndSuccessfulCondition() {
    ProviderResult r = query(PrometheusMetric.of(server.baseUrl(), BackfillData.ERROR_RATE));

    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    ProviderResult.Observed o = (ProviderResult.Observed) r;
    assertThat((List<Double>) o.value()).singleElement().satisfies(v -> assertThat(v).isCloseTo(ERROR_RATIO,
        offset(1e-12)));
    assertThat(o.display()).isEqualTo("[0.047619047619047616]");
    assertThat(Conditions.evaluate("result[0] < 0.05", "", o.value(), BackfillData.END).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void provider_latencyP99_interpolatesToExactly075() {
    ProviderResult r = query(PrometheusMetric.of(server.baseUrl(), BackfillData.LATENCY_P99));

    assertThat(r).isEqualTo(ProviderResult.observed(List.of(0.75), "[0.75]"));
  }

  @Test
  void provider_scalarFunction_observedAsDouble() {
    ProviderResult r = query(PrometheusMetric.of(server.baseUrl(), "scalar(" + BackfillData.LATENCY_P99 + ")"));

    assertThat(r).isEqualTo(ProviderResult.observed(0.75, "0.75"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void provider_rangeQuery_fiveStepsFlattened() {
    PrometheusMetric m = new PrometheusMetric(server.baseUrl(), BackfillData.ERROR_RATE, null, false, List.of(),
        null, new RangeQuery("now() - duration(\"20m\")", "now()", "5m"));

    ProviderResult r = query(m);

    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    assertThat((List<Double>) ((ProviderResult.Observed) r).value()).hasSize(5)
        .allSatisfy(v -> assertThat(v).isCloseTo(ERROR_RATIO, offset(1e-12)));
    assertThat(Conditions.evaluate("all(result, # < 0.05)", "", ((ProviderResult.Observed) r).value(),
        BackfillData.END).phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void provider_emptyAndInvalidQueries_argoOutcomes() {
    assertThat(query(PrometheusMetric.of(server.baseUrl(), "no_such_metric")))
        .isEqualTo(ProviderResult.observed(List.of(), "[]"));
    ProviderResult bad = query(PrometheusMetric.of(server.baseUrl(), "sum(rate(x[5m]"));
    assertThat(bad).isInstanceOf(ProviderResult.Errored.class);
    assertThat(((ProviderResult.Errored) bad).message()).startsWith("bad_data: ");
  }

  private static AnalysisRun run(String latencyFailure) {
    Metric errorRate = Metric.builder("error-rate").successCondition("result[0] < 0.05")
        .provider(ProviderSpec.of(PrometheusMetric.of(server.baseUrl(), BackfillData.ERROR_RATE))).build();
    Metric latency = Metric.builder("latency-p99").successCondition("result[0] <= 0.8")
        .failureCondition(latencyFailure)
        .provider(ProviderSpec.of(PrometheusMetric.of(server.baseUrl(), BackfillData.LATENCY_P99))).build();
    return AnalysisRun.of(ObjectMeta.of("canary", "ns"),
        new AnalysisRunSpec(List.of(errorRate, latency), List.of(), false, List.of(), List.of(), null));
  }

  private static AnalysisRun reconcileToCompletion(AnalysisRun run) {
    Reconciler reconciler = Reconciler.builder().provider(provider).build();
    Instant now = BackfillData.END;
    AnalysisRun current = run;
    for (int i = 0; i < 5 && !current.status().phase().isCompleted(); i++) {
      ReconcileResult r = reconciler.reconcile(current, now);
      current = r.run();
      now = r.next().orElse(now).plusMillis(1);
    }
    return current;
  }

  @Test
  void engine_errorRateAndLatency_runSuccessfulWithValues() {
    AnalysisRun done = reconcileToCompletion(run("result[0] > 0.9"));

    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    MetricResult errorRate = done.status().metricResult("error-rate").orElseThrow();
    Measurement m = errorRate.measurements().get(0);
    assertThat(m.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(m.value()).isEqualTo("[0.047619047619047616]");
    assertThat(errorRate.metadata()).containsEntry("ResolvedPrometheusQuery", BackfillData.ERROR_RATE);
    assertThat(done.status().metricResult("latency-p99").orElseThrow().measurements().get(0).value())
        .isEqualTo("[0.75]");
  }

  @Test
  void engine_latencyAboveThreshold_runFailed() {
    AnalysisRun done = reconcileToCompletion(run("result[0] > 0.5"));

    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(done.status().metricResult("latency-p99").orElseThrow().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(done.status().metricResult("error-rate").orElseThrow().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void analysisEngine_manualClockAtBackfillEnd_completesSuccessful() throws Exception {
    ManualClock clock = new ManualClock(BackfillData.END);
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (AnalysisEngine engine = AnalysisEngine.builder().provider(provider).clock(clock).scheduler(scheduler)
        .inlineProviderCalls().build()) {
      AnalysisHandle handle = engine.start(run("result[0] > 0.9"));
      scheduler.runUntilIdle(BackfillData.END.plus(Duration.ofMinutes(1)));

      assertThat(handle.isDone()).isTrue();
      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(handle.status().metricResult("latency-p99").orElseThrow().measurements().get(0).value())
          .isEqualTo("[0.75]");
    }
  }
}
