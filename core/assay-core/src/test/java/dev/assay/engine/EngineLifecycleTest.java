/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.AssayException;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.spi.MetricProvider;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Listeners, the status store, provider discovery and thread ownership. */
class EngineLifecycleTest {
  @Test
  void listenersAndStore_seeMeasurementsPhaseChangesPersistenceAndCompletionInOrder() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider p = ScriptedProvider.builder("prometheus").script("m", ScriptStep.value(1.0)).build();
    List<String> events = new ArrayList<>();
    AnalysisListener listener = new AnalysisListener() {
      @Override
      public void onMeasurementTaken(AnalysisRun run, String metric, Measurement m) {
        events.add("measurement " + metric + " " + m.phase().wireName());
      }

      @Override
      public void onMetricPhaseChanged(AnalysisRun run, String metric, AnalysisPhase from, AnalysisPhase to) {
        events.add("phase " + metric + " " + from.wireName() + "->" + to.wireName());
      }

      @Override
      public void onStatusPersisted(AnalysisRun run) {
        events.add("persisted " + run.status().phase().wireName());
      }

      @Override
      public void onRunCompleted(AnalysisRun run) {
        events.add("completed " + run.status().phase().wireName());
      }
    };
    List<AnalysisRun> saved = new ArrayList<>();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, p).listener(listener)
        .statusStore(saved::add).build()) {
      engine.start(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").interval("1m").count(2)
          .successCondition("result == 1").build()));
      scheduler.advanceBy(Duration.ofMinutes(2));
    }
    assertThat(events).containsExactly("measurement m Successful", "phase m ->Running", "persisted Running",
        "measurement m Successful", "phase m Running->Successful", "persisted Successful", "completed Successful");
    assertThat(saved).hasSize(2);
  }

  @Test
  void discoverProviders_loadsFactoriesOnlyWhenAskedAndClosesWhatItCreated() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    TestProviderFactory.created.clear();
    try (AnalysisEngine without = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).build()) {
      assertThat(TestProviderFactory.created).isEmpty();
      AnalysisHandle h = without.start(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()));
      scheduler.runDueTasks();
      assertThat(h.status().metricResult("m").orElseThrow().lastMeasurement().orElseThrow().message())
          .isEqualTo("no valid provider in metric 'm'");
    }
    AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
        .discoverProviders(getClass().getClassLoader()).build();
    AnalysisHandle h = engine.start(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()));
    scheduler.runDueTasks();
    assertThat(h.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(TestProviderFactory.created).hasSize(1);
    MetricProvider created = TestProviderFactory.created.get(0);
    assertThat(((TestProviderFactory.Closeable) created).closed).isFalse();
    engine.close();
    assertThat(((TestProviderFactory.Closeable) created).closed).isTrue();
  }

  @Test
  @SuppressWarnings("try") // closes the engine explicitly to observe a run left open
  void defaultThreads_areNamedDaemonAndStoppedOnClose() throws Exception {
    ScriptedProvider p = ScriptedProvider.builder("prometheus").script("m", ScriptStep.value(1.0)).build();
    List<Thread> ours;
    try (AnalysisEngine engine = AnalysisEngine.builder().provider(p).build()) {
      AnalysisRun done = engine.run(EngineFixtures.run("r", EngineFixtures.prometheusMetric("m").build()),
          Duration.ofSeconds(20));
      assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      ours = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("assay-"))
          .collect(Collectors.toList());
      Set<String> names = ours.stream().map(Thread::getName).collect(Collectors.toSet());
      assertThat(names).contains("assay-scheduler-1", "assay-provider-1");
      assertThat(ours).allMatch(Thread::isDaemon);
      AnalysisHandle open = engine.start(EngineFixtures.run("forever",
          EngineFixtures.prometheusMetric("m").interval("1h").build()));
      engine.close();
      assertThatThrownBy(() -> open.await(Duration.ofSeconds(5))).isInstanceOf(AssayException.class)
          .hasMessage("the engine was closed before the run completed");
      assertThatThrownBy(() -> engine.start(EngineFixtures.run("late"))).isInstanceOf(IllegalStateException.class);
    }
    for (Thread t : ours) {
      t.join(5000);
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
  }
}
