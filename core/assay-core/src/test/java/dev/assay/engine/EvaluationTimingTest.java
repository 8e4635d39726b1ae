/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisRun;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AnalysisListener#onEvaluated}: one call per evaluation, with due time, start time and provider calls. */
class EvaluationTimingTest {
  @Test
  void everyEvaluationReportsItsDueTimeAndTheProviderCallsItMade() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider provider = ScriptedProvider.builder("prometheus").script("rate", ScriptStep.value(0.99)).build();
    List<EvaluationTiming> timings = new ArrayList<>();
    AnalysisListener listener = new AnalysisListener() {
      @Override
      public void onEvaluated(AnalysisRun run, EvaluationTiming timing) {
        timings.add(timing);
      }
    };
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, provider).listener(listener).build()) {
      engine.start(EngineFixtures.run("timed",
          EngineFixtures.prometheusMetric("rate").interval("1m").count(2).successCondition("result > 0.9").build()));
      scheduler.advanceBy(Duration.ofMinutes(3));
    }

    assertThat(timings).hasSize(2);
    Instant t0 = EngineFixtures.T0;
    assertThat(timings.get(0).startedAt()).isEqualTo(t0);
    assertThat(timings.get(1).dueAt()).as("a minute after the first measurement, plus the 1 ms wake margin")
        .isEqualTo(t0.plus(Duration.ofMinutes(1)).plus(RunDriver.WAKE_AFTER_DUE));
    assertThat(timings).allSatisfy(t -> {
      assertThat(t.schedulingLag()).as("a manual scheduler runs tasks when due").isZero();
      assertThat(t.failed()).isFalse();
      assertThat(t.providerCalls()).containsOnlyKeys("rate");
      assertThat(t.elapsed()).isGreaterThanOrEqualTo(t.providerCalls().get("rate"));
    });
  }

  @Test
  void theLagIsTheEngineClockTimeBetweenDueAndStart() {
    EvaluationTiming late = new EvaluationTiming(Instant.EPOCH, Instant.EPOCH.plusSeconds(3), Duration.ZERO, false,
        java.util.Map.of());
    EvaluationTiming early = new EvaluationTiming(Instant.EPOCH.plusSeconds(3), Instant.EPOCH, Duration.ZERO, false,
        java.util.Map.of());
    assertThat(late.schedulingLag()).isEqualTo(Duration.ofSeconds(3));
    assertThat(early.schedulingLag()).isZero();
  }
}
