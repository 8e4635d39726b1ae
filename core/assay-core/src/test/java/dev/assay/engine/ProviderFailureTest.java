/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static dev.assay.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Providers that throw, hang or return garbage give Error measurements and never block other metrics. */
class ProviderFailureTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
  }

  private static Measurement only(ReconcileResult r, String metric) {
    return r.run().status().metricResult(metric).orElseThrow().lastMeasurement().orElseThrow();
  }

  @Test
  void throwingProvider_givesErrorMeasurementWithTheExceptionMessage() {
    ScriptedProvider p = ScriptedProvider.builder("prometheus").script("m", ScriptStep.thrown("socket closed")).build();
    Reconciler reconciler = Reconciler.builder().provider(p).callExecutor(pool).build();
    ReconcileResult r = reconciler.reconcile(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()), T0);

    Measurement m = only(r, "m");
    assertThat(m.phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(m.message()).isEqualTo("socket closed");
    assertThat(m.finishedAt()).isEqualTo(T0);
    assertThat(r.run().status().metricResult("m").orElseThrow().consecutiveError()).isEqualTo(1);
  }

  @Test
  void hangingProvider_hitsTheCallDeadlineWhileTheOtherMetricIsMeasured() {
    ScriptedProvider p = ScriptedProvider.builder("prometheus")
        .script("stuck", ScriptStep.hang())
        .script("fine", ScriptStep.value(1.0))
        .build();
    Reconciler reconciler = Reconciler.builder().provider(p).callExecutor(pool)
        .callTimeout(Duration.ofSeconds(1)).build();
    AnalysisRun fineOnly = EngineFixtures.run("warm-up",
        EngineFixtures.prometheusMetric("fine").successCondition("result == 1").build());
    // The deadline covers the whole call, condition included: load the condition classes first, so a busy machine's
    // first compile cannot use the fine metric's time.
    assertThat(only(reconciler.reconcile(fineOnly, T0), "fine").phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    AnalysisRun run = EngineFixtures.run("r", EngineFixtures.prometheusMetric("stuck").build(),
        EngineFixtures.prometheusMetric("fine").successCondition("result == 1").build());

    ReconcileResult r = reconciler.reconcile(run, T0);

    assertThat(only(r, "stuck").phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(only(r, "stuck").message()).isEqualTo("metric provider \"prometheus\" did not answer within 1000ms");
    assertThat(only(r, "fine").phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(r.nextReconcileAt()).as("the hung metric is retried like any error").isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void providerReturningNull_givesErrorMeasurement() {
    MetricProvider nullProvider = new MetricProvider() {
      @Override
      public String type() {
        return "prometheus";
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        return null;
      }
    };
    ReconcileResult r = Reconciler.builder().provider(nullProvider).build()
        .reconcile(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()), T0);

    assertThat(only(r, "m").phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(only(r, "m").message()).isEqualTo("metric provider \"prometheus\" returned no result");
  }

  @Test
  void providerReturningANonPlainValue_givesErrorMeasurementNamingTheType() {
    ScriptedProvider p = ScriptedProvider.builder("prometheus")
        .script("m", ScriptStep.value(java.util.List.of(1.0, new StringBuilder("x")))).build();
    ReconcileResult r = Reconciler.builder().provider(p).build()
        .reconcile(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()), T0);

    assertThat(only(r, "m").phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(only(r, "m").message())
        .isEqualTo("metric provider \"prometheus\" returned a value of unsupported type java.lang.StringBuilder");
  }

  @Test
  void unregisteredProviderType_givesArgosNoValidProviderError() {
    ReconcileResult r = Reconciler.builder().build()
        .reconcile(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()), T0);

    assertThat(only(r, "m").phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(only(r, "m").message()).isEqualTo("no valid provider in metric 'm'");
  }

  @Test
  void conditionThatCannotBeEvaluated_recordsNoValueAndArgosMessage() {
    ScriptedProvider p = ScriptedProvider.builder("prometheus").script("m", ScriptStep.value(java.util.List.of()))
        .build();
    ReconcileResult r = Reconciler.builder().provider(p).build().reconcile(EngineFixtures.run("r",
        EngineFixtures.prometheusMetric("m").successCondition("result[0] > 1").build()), T0);

    assertThat(only(r, "m").phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(only(r, "m").value()).isEmpty();
    assertThat(only(r, "m").message()).startsWith("could not evaluate successCondition \"result[0] > 1\": ")
        .endsWith("metric result is nil or empty: no data returned from the metric provider");
  }

  @Test
  void hangingRun_doesNotBlockAnotherRunOnTheEngine() throws Exception {
    ScriptedProvider p = ScriptedProvider.builder("prometheus")
        .script("stuck", ScriptStep.hang())
        .script("quick", ScriptStep.value(1.0))
        .build();
    try (AnalysisEngine engine = AnalysisEngine.builder().provider(p).callTimeout(Duration.ofSeconds(30))
        .schedulerThreads(2).build()) {
      AnalysisHandle stuck = engine.start(EngineFixtures.run("stuck", EngineFixtures.prometheusMetric("stuck").build()));
      AnalysisRun quick = engine.run(EngineFixtures.run("quick", EngineFixtures.prometheusMetric("quick").build()),
          Duration.ofSeconds(20));

      assertThat(quick.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(stuck.isDone()).isFalse();
    }
  }
}
