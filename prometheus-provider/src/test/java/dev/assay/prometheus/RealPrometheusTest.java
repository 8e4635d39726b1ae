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
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.IntOrString;
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
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
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

  /**
   * Pre-flight (docs/preflight.md): a query that does not parse and a server that does not answer fail the run at
   * once, in virtual time, naming the query and the cause; without pre-flight the same run is still retrying.
   */
  @Nested
  class Preflight {
    private static final String BAD_QUERY = "sum(rate(http_requests_total[5m]";

    private static AnalysisRun preflightRun(String address, String query) {
      Metric m = Metric.builder("error-rate").interval("1m").count(IntOrString.of(5))
          .successCondition("len(result) > 0 && result[0] < 0.05")
          .provider(ProviderSpec.of(PrometheusMetric.of(address, query))).build();
      return AnalysisRun.of(ObjectMeta.of("canary", "ns"),
          new AnalysisRunSpec(List.of(m), List.of(), false, List.of(), List.of(), null));
    }

    /** Where a run stands after at most one virtual second. */
    record Outcome(boolean isDone, AnalysisRunStatus status) {}

    /** Runs until done or one virtual second has passed. */
    private static Outcome runForOneSecond(AnalysisRun run, boolean preflight, ManualClock clock) {
      ManualScheduler scheduler = new ManualScheduler(clock);
      try (AnalysisEngine engine = AnalysisEngine.builder().provider(provider).clock(clock).scheduler(scheduler)
          .inlineProviderCalls().preflight(preflight).build()) {
        AnalysisHandle handle = engine.start(run);
        for (int i = 0; i < 100 && !handle.isDone(); i++) {
          scheduler.advanceBy(Duration.ofMillis(10));
        }
        return new Outcome(handle.isDone(), handle.status());
      }
    }

    @Test
    void badQuery_failsTheRunAtOnceNamingTheQueryAndTheParseError() {
      ManualClock clock = new ManualClock(BackfillData.END);

      Outcome outcome = runForOneSecond(preflightRun(server.baseUrl(), BAD_QUERY), true, clock);

      assertThat(outcome.isDone()).isTrue();
      assertThat(Duration.between(BackfillData.END, clock.instant())).isLessThan(Duration.ofSeconds(1));
      assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(outcome.status().message())
          .startsWith("Pre-flight check failed for metric \"error-rate\" (provider prometheus): ")
          .contains("query \"" + BAD_QUERY + "\"")
          .contains("bad_data:")
          .contains("parse error");
      assertThat(outcome.status().metricResults()).as("nothing was measured").isEmpty();
    }

    @Test
    void unreachableServer_failsTheRunAtOnceNamingTheQueryAndTheConnectionError() throws IOException {
      int closedPort;
      try (ServerSocket s = new ServerSocket(0)) {
        closedPort = s.getLocalPort();
      }
      ManualClock clock = new ManualClock(BackfillData.END);

      Outcome outcome = runForOneSecond(preflightRun("http://127.0.0.1:" + closedPort, BackfillData.ERROR_RATE), true,
          clock);

      assertThat(outcome.isDone()).isTrue();
      assertThat(Duration.between(BackfillData.END, clock.instant())).isLessThan(Duration.ofSeconds(1));
      assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(outcome.status().message())
          .contains("query \"" + BackfillData.ERROR_RATE + "\"")
          .contains("127.0.0.1:" + closedPort)
          .contains("Failed to connect to /127.0.0.1:" + closedPort);
    }

    @Test
    void withoutPreflight_theBadQueryIsStillRetryingAfterOneSecond() {
      Outcome outcome = runForOneSecond(preflightRun(server.baseUrl(), BAD_QUERY), false,
          new ManualClock(BackfillData.END));

      assertThat(outcome.isDone()).as(outcome.status().toString()).isFalse();
      assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.RUNNING);
      assertThat(outcome.status().metricResult("error-rate").orElseThrow().error()).isEqualTo(1);
    }

    @Test
    void goodQuery_passesPreflightAndMeasures() {
      Outcome outcome = runForOneSecond(preflightRun(server.baseUrl(), BackfillData.ERROR_RATE), true,
          new ManualClock(BackfillData.END));

      assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.RUNNING);
      assertThat(outcome.status().metricResult("error-rate").orElseThrow().measurements()).singleElement()
          .satisfies(m -> assertThat(m.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL));
    }
  }
}
