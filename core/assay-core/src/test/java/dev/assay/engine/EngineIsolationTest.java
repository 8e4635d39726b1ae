/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static dev.assay.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Argument;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.template.SecretResolver;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19, findings 5 and 6: a stuck provider stalls only its own measurements, and nothing a listener, a store, a
 * metric name or an interval does keeps a run from ending or makes it call a provider in a loop.
 */
class EngineIsolationTest {

  /** Blocks every call until released, ignoring interruption, like a client stuck in a native read. */
  private static final class StuckProvider implements MetricProvider {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public String type() {
      return "web";
    }

    @Override
    public ProviderResult run(MeasurementContext context) {
      entered.countDown();
      boolean released = false;
      while (!released) {
        try {
          release.await();
          released = true;
        } catch (InterruptedException e) {
          // Ignored on purpose: the engine must cope with providers that do.
        }
      }
      return ProviderResult.observed(1.0, "1");
    }
  }

  private static Metric webMetric(String name) {
    return Metric.builder(name).successCondition("result == 1").provider(dev.assay.model.ProviderSpec.of(
        new dev.assay.model.WebMetric("http://x", "GET", List.of(), "", null, 0, "", false, null))).build();
  }

  @Test
  void stuckProvider_neitherHoldsTheSchedulerThreadNorTheOtherProvidersThreads() throws Exception {
    StuckProvider stuck = new StuckProvider();
    ScriptedProvider healthy = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(1.0))
        .build();
    try (AnalysisEngine engine = AnalysisEngine.builder().provider(stuck).provider(healthy).schedulerThreads(1)
        .providerThreads(1).callTimeout(Duration.ofMinutes(5)).build()) {
      AnalysisHandle blocked = engine.start(EngineFixtures.run("blocked", webMetric("w")));
      stuck.entered.await();
      AnalysisHandle other = engine.start(EngineFixtures.run("other",
          EngineFixtures.prometheusMetric("m").successCondition("result == 1").build()));

      // A generous bound on a result, not a timing assertion: on a blocked scheduler it never comes.
      Optional<AnalysisRun> done = other.await(Duration.ofSeconds(30));

      assertThat(done).as("the healthy run completes while the stuck call holds its provider").isPresent();
      assertThat(done.get().status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(blocked.run().status().phase()).isIn(AnalysisPhase.NONE, AnalysisPhase.RUNNING,
          AnalysisPhase.PENDING);
      stuck.release.countDown();
      assertThat(blocked.await(Duration.ofSeconds(30))).isPresent();
    }
  }

  @Test
  void fullBulkhead_refusesItsOwnProvidersCallsWithAnError() throws Exception {
    StuckProvider stuck = new StuckProvider();
    try (AnalysisEngine engine = AnalysisEngine.builder().provider(stuck).providerThreads(1).providerQueueLimit(0)
        .callTimeout(Duration.ofMinutes(5)).build()) {
      engine.start(EngineFixtures.run("first", webMetric("w")));
      stuck.entered.await();
      AnalysisHandle second = engine.start(EngineFixtures.run("second", webMetric("w").toBuilder()
          .consecutiveErrorLimit(0).build()));

      Optional<AnalysisRun> done = second.await(Duration.ofSeconds(30));

      assertThat(done).isPresent();
      Measurement m = done.get().status().metricResult("w").orElseThrow().lastMeasurement().orElseThrow();
      assertThat(m.phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(m.message()).isEqualTo(
          "metric provider \"web\" has 1 calls running and 0 waiting, its limit; the call was not made");
      stuck.release.countDown();
    }
  }

  @Test
  void listenerAndStoreThrowingErrors_stillLetTheRunEnd() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider p = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(1.0)).build();
    AnalysisListener throwing = new AnalysisListener() {
      @Override
      public void onMeasurementTaken(AnalysisRun run, String metric, Measurement m) {
        throw new AssertionError("listener bug");
      }

      @Override
      public void onMetricPhaseChanged(AnalysisRun run, String metric, AnalysisPhase from, AnalysisPhase to) {
        throw new AssertionError("listener bug");
      }
    };
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, p).listener(throwing)
        .statusStore(run -> {
          throw new AssertionError("store bug");
        }).build()) {
      AnalysisHandle h = engine.start(EngineFixtures.run("r",
          EngineFixtures.prometheusMetric("m").count(3).interval("10s").successCondition("result == 1").build()));

      scheduler.runUntilIdle(T0.plus(Duration.ofMinutes(5)));

      assertThat(h.run().status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(p.calls("m")).isEqualTo(3);
    }
  }

  @Test
  void secretArgumentInAMetricName_isMeasuredUnderTheNameWithoutTheSecret() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider p = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(1.0)).build();
    Metric metric = EngineFixtures.prometheusMetric("m-{{args.token}}").successCondition("result == 1").build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("r", "ns"), new AnalysisRunSpec(List.of(metric),
        List.of(Argument.fromSecret("token", "creds", "token")), false, List.of(), List.of(), null));
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, p)
        .secretResolver(SecretResolver.fromMap(Map.of("creds", Map.of("token", "hunter2")))).build()) {
      AnalysisHandle h = engine.start(run);

      scheduler.runUntilIdle(T0.plus(Duration.ofMinutes(5)));

      AnalysisRun after = h.run();
      assertThat(after.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(after.status().metricResults()).hasSize(1);
      assertThat(after.status().metricResults().get(0).name()).doesNotContain("hunter2");
      assertThat(p.totalCalls()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "-1s", "1ns", "1ms"})
  void tinyOrNegativeIntervals_measureAtMostOncePerSecond(String interval) {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider p = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(1.0)).build();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, p).build()) {
      engine.start(EngineFixtures.run("r",
          EngineFixtures.prometheusMetric("m").interval(interval).successCondition("result == 1").build()));

      scheduler.advanceBy(Duration.ofSeconds(10));

      // One at once, then one per second of the floor (Argo would call at every evaluation).
      assertThat(p.calls("m")).isBetween(10, 11);
    }
  }
}
