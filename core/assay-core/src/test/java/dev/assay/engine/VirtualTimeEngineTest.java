/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static dev.assay.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner on a manual clock: long analyses run in milliseconds and always the same way. */
class VirtualTimeEngineTest {
  @Test
  void sixtyMinuteAnalysis_withInitialDelayAndErrorRetries_runsToSuccessInVirtualTime() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus")
        .script("rate", ScriptStep.value(0.99), ScriptStep.value(0.99), ScriptStep.value(0.98),
            ScriptStep.error("timeout"), ScriptStep.error("timeout"), ScriptStep.value(0.97))
        .build();
    List<Instant> starts = new ArrayList<>();
    AnalysisListener listener = new AnalysisListener() {
      @Override
      public void onMeasurementTaken(AnalysisRun run, String metric, Measurement m) {
        starts.add(m.startedAt());
      }
    };
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, prometheus).listener(listener).build()) {
      AnalysisHandle handle = engine.start(EngineFixtures.run("sixty", EngineFixtures.prometheusMetric("rate")
          .interval("5m").count(12).initialDelay("1m").consecutiveErrorLimit(4)
          .successCondition("result > 0.95").build()));
      scheduler.advanceBy(Duration.ofMinutes(50));
      assertThat(handle.isDone()).isFalse();
      scheduler.advanceBy(Duration.ofMinutes(20));

      assertThat(handle.isDone()).isTrue();
      AnalysisRun done = handle.run();
      assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      MetricResult r = done.status().metricResult("rate").orElseThrow();
      assertThat(List.of(r.count(), r.successful(), r.error(), r.consecutiveError())).containsExactly(12, 12, 2, 0);
      assertThat(r.measurements()).as("default retention").hasSize(10);
      assertThat(prometheus.calls("rate")).isEqualTo(14);
      assertThat(starts.get(0)).as("after the initial delay").isEqualTo(T0.plus(Duration.ofSeconds(60, 1_000_000)));
      List<Duration> gaps = new ArrayList<>();
      for (int i = 1; i < starts.size(); i++) {
        gaps.add(Duration.between(starts.get(i - 1), starts.get(i)));
      }
      Duration interval = Duration.ofMinutes(5).plusMillis(1);
      Duration retry = Duration.ofSeconds(10).plusMillis(1);
      assertThat(gaps).containsExactly(interval, interval, interval, retry, retry, interval, interval, interval,
          interval, interval, interval, interval, interval);
      assertThat(done.status().completedAt()).isEqualTo(starts.get(starts.size() - 1));
      assertThat(scheduler.pendingTasks()).isZero();
    }
  }

  @Test
  void consecutiveErrors_overTheLimit_makeTheRunErrorAfterFiveRetries() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus").script("m", ScriptStep.error("boom")).build();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, prometheus).build()) {
      AnalysisHandle handle = engine.start(EngineFixtures.run("errors", EngineFixtures.prometheusMetric("m")
          .interval("1m").successCondition("result > 1").build()));
      scheduler.advanceBy(Duration.ofSeconds(39));
      assertThat(handle.isDone()).isFalse();
      scheduler.advanceBy(Duration.ofSeconds(2));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(handle.status().message()).isEqualTo("Metric \"m\" assessed Error due to consecutiveErrors (5) > "
          + "consecutiveErrorLimit (4): \"Error Message: boom\"");
      assertThat(handle.status().runSummary()).isEqualTo(new dev.assay.model.RunSummary(1, 0, 0, 0, 1));
      assertThat(prometheus.calls("m")).isEqualTo(5);
    }
  }

  @Test
  void terminate_midRun_stopsMeasuringAndSucceedsWithRunTerminated() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus").script("m", ScriptStep.value(1.0)).build();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, prometheus).build()) {
      AnalysisHandle handle = engine.start(EngineFixtures.run("forever", EngineFixtures.prometheusMetric("m")
          .interval("1m").successCondition("result == 1").build()));
      scheduler.advanceBy(Duration.ofMinutes(10));
      int before = prometheus.calls("m");
      assertThat(before).isEqualTo(10);
      handle.terminate();
      scheduler.runDueTasks();

      assertThat(handle.isDone()).isTrue();
      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(handle.status().message()).isEqualTo("Run Terminated");
      assertThat(handle.run().spec().terminate()).isTrue();
      scheduler.advanceBy(Duration.ofMinutes(10));
      assertThat(prometheus.calls("m")).isEqualTo(before);
    }
  }

  @Test
  void terminate_duringInitialDelay_succeedsWithoutMetricResults() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus").script("m", ScriptStep.value(1.0)).build();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, prometheus).build()) {
      AnalysisHandle handle = engine.start(EngineFixtures.run("delayed", EngineFixtures.prometheusMetric("m")
          .initialDelay("10m").build()));
      scheduler.advanceBy(Duration.ofMinutes(1));
      handle.terminate();
      scheduler.runDueTasks();

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(handle.status().message()).isEqualTo("Run Terminated");
      assertThat(handle.status().metricResults()).isEmpty();
      assertThat(prometheus.totalCalls()).isZero();
    }
  }

  @Test
  void inFlightMeasurement_terminatedByRunTermination_isInconclusiveAndMessagedLikeArgo() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider job = ScriptedProvider.builder("prometheus").script("job", ScriptStep.pending(Duration.ofMinutes(1)))
        .terminateWith(AnalysisPhase.INCONCLUSIVE).build();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, job).build()) {
      AnalysisHandle handle = engine.start(EngineFixtures.run("job", EngineFixtures.prometheusMetric("job").build()));
      scheduler.advanceBy(Duration.ofMinutes(3));
      assertThat(handle.status().metricResult("job").orElseThrow().lastMeasurement().orElseThrow().isInFlight())
          .isTrue();
      handle.terminate();
      scheduler.runDueTasks();

      MetricResult r = handle.status().metricResult("job").orElseThrow();
      assertThat(r.lastMeasurement().orElseThrow().message()).isEqualTo("Metric Terminated");
      assertThat(r.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
      assertThat(job.starts("job")).isEqualTo(1);
      assertThat(job.calls("job")).as("run at 0, polls at 1m and 2m").isEqualTo(3);
    }
  }

  @Test
  void startFromTemplate_withArguments_replaysWhatTheTemplateWouldHaveDecided() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus")
        .script("error-rate", ScriptStep.value(java.util.List.of(0.01)), ScriptStep.value(java.util.List.of(0.02)),
            ScriptStep.value(java.util.List.of(0.07)))
        .build();
    dev.assay.model.AnalysisTemplate template = new dev.assay.model.AnalysisTemplate(null, null,
        dev.assay.model.ObjectMeta.of("error-rate", "ns"), new dev.assay.model.AnalysisTemplateSpec(
            java.util.List.of(EngineFixtures.prometheusMetric("error-rate").interval("1m").count(5)
                .successCondition("result[0] < {{args.max}}").build()),
            java.util.List.of(dev.assay.model.Argument.required("max")), java.util.List.of(), java.util.List.of(),
            java.util.List.of()));
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, prometheus).build()) {
      AnalysisHandle handle = engine.start(dev.assay.model.ObjectMeta.of("canary-1", "ns"),
          java.util.List.of(template), java.util.List.of(dev.assay.model.Argument.of("max", "0.05")));
      scheduler.advanceBy(Duration.ofMinutes(10));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.FAILED);
      assertThat(handle.status().message())
          .isEqualTo("Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)");
      assertThat(prometheus.calls("error-rate")).isEqualTo(3);
    }
  }
}
