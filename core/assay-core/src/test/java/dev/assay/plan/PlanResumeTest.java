/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.MetricResult;
import dev.assay.spi.MetricProvider;
import dev.assay.templates.CanaryTemplates;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A plan interrupted at every point where it saved anything (each step boundary and state change of the runner, and
 * each status the engine saved for an analysis in progress) and resumed on a new engine and runner reaches the same
 * verdict as the uninterrupted plan. Time is a ManualClock; the plan state goes through its JSON form.
 */
class PlanResumeTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant LIMIT = T0.plusSeconds(4 * 3600);

  /** One save: a plan state (as JSON) or an analysis run status, at a time. */
  private record Saved(Instant at, @Nullable String planJson, @Nullable AnalysisRun run) {}

  /** What a plan ended with, compared between the uninterrupted and the resumed walks. */
  private record Verdict(PlanPhase phase, int stepIndex, int weight, String message, List<String> analyses) {
    static Verdict of(PlanStatus s) {
      List<String> runs = new ArrayList<>();
      for (AnalysisRun r : s.analyses()) {
        // Start and end times too: a resumed pause or analysis must keep the plan's timing, not restart it. To the
        // second: a resumed run reconciles at once, an uninterrupted one 1 ms after the due time (the engine's
        // wake-up offset, docs/argo-compatibility.md), which a run needing two reconciles to finish can show.
        StringBuilder sb = new StringBuilder(r.metadata().name() + "=" + r.status().phase().wireName() + " "
            + seconds(r.status().startedAt()) + ".." + seconds(r.status().completedAt()));
        for (MetricResult m : r.status().metricResults()) {
          sb.append(' ').append(m.name()).append(':').append(m.phase().wireName()).append('/').append(m.count());
        }
        runs.add(sb.toString());
      }
      return new Verdict(s.phase(), s.stepIndex(), s.weight(), s.message(), runs);
    }
  }

  private static @Nullable Instant seconds(@Nullable Instant t) {
    return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static final class Walk implements AutoCloseable {
    final ManualScheduler scheduler;
    final AnalysisEngine engine;
    final PlanRunner runner;
    final List<Saved> journal = new ArrayList<>();

    Walk(Instant start, MetricProvider prometheus) {
      ManualClock clock = new ManualClock(start);
      scheduler = new ManualScheduler(clock);
      engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).inlineProviderCalls()
          .provider(prometheus).provider(PlanRunnerTest.web())
          .provider(JudgeMetricProvider.delegatingTo(prometheus))
          .statusStore(run -> journal.add(new Saved(clock.instant(), null, run))).build();
      runner = PlanRunner.builder().plan(CanaryPlan.standard()).engine(engine).scheduler(scheduler).clock(clock)
          .router(w -> { }).templates(CanaryTemplates.all()).name("checkout", "shop")
          .args(List.of(Argument.of("service-name", "checkout"), Argument.of("namespace", "shop"),
              Argument.of("canary-hash", "c4n4ry"), Argument.of("stable-hash", "st4bl3"),
              Argument.of("canary-url", "http://checkout-canary.shop:8080")))
          .store(state -> journal.add(new Saved(clock.instant(), state.toJson(), null))).build();
    }

    Verdict finish() {
      scheduler.runUntilIdle(LIMIT);
      return Verdict.of(runner.status());
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  /** Walks the plan once, then once per save point resumed from there; returns how many resumptions were checked. */
  private static int everyInterruptionReachesTheSameVerdict(Supplier<MetricProvider> prometheus, PlanPhase expected) {
    List<Saved> journal;
    Verdict uninterrupted;
    try (Walk w = new Walk(T0, prometheus.get())) {
      w.runner.start();
      uninterrupted = w.finish();
      journal = List.copyOf(w.journal);
    }
    assertThat(uninterrupted.phase()).isEqualTo(expected);
    int midAnalysis = 0;
    int inPause = 0;
    for (int k = 0; k < journal.size(); k++) {
      String plan = null;
      Map<String, AnalysisRun> runs = new HashMap<>();
      for (int i = 0; i <= k; i++) {
        Saved s = journal.get(i);
        if (s.planJson() != null) {
          plan = s.planJson();
        } else {
          runs.put(s.run().metadata().name(), s.run());
        }
      }
      PlanState state = PlanState.fromJson(plan);
      midAnalysis += state.analysisInFlight() != null ? 1 : 0;
      inPause += state.pauseEndsAt() != null ? 1 : 0;
      try (Walk resumed = new Walk(journal.get(k).at(), prometheus.get())) {
        resumed.runner.resume(state, name -> Optional.ofNullable(runs.get(name)));
        assertThat(resumed.finish()).as("resumed from save %d of %d at %s (%s, step %d)", k + 1, journal.size(),
            journal.get(k).at(), state.phase(), state.stepIndex()).isEqualTo(uninterrupted);
      }
    }
    assertThat(midAnalysis).as("interruptions during an analysis").isGreaterThanOrEqualTo(3);
    assertThat(inPause).as("interruptions during a timed pause").isPositive();
    return journal.size();
  }

  @Test
  void goodCanaryIsPromotedFromEveryInterruption() {
    int points = everyInterruptionReachesTheSameVerdict(() -> PlanRunnerTest.prometheus(0.0, 0.03, 0.2, 1.05),
        PlanPhase.PROMOTED);
    assertThat(points).isGreaterThan(40);
  }

  @Test
  void errorProneCanaryRollsBackFromEveryInterruption() {
    everyInterruptionReachesTheSameVerdict(() -> PlanRunnerTest.prometheus(0.15, 0.03, 0.2, 1.0),
        PlanPhase.ROLLED_BACK);
  }

  @Test
  void canaryWithoutDataPausesFromEveryInterruption() {
    everyInterruptionReachesTheSameVerdict(() -> ScriptedProvider.builder("prometheus")
        .scriptForAnyMetric(ScriptStep.value(List.of())).build(), PlanPhase.PAUSED);
  }

  @Test
  void stateRoundTripsThroughJsonAndRefusesWhatItCannotRead() {
    try (Walk w = new Walk(T0, PlanRunnerTest.prometheus(0.0, 0.03, 0.2, 1.05))) {
      w.runner.start();
      w.scheduler.advanceBy(java.time.Duration.ofMinutes(7));
      PlanState s = w.runner.state();
      assertThat(PlanState.fromJson(s.toJson())).isEqualTo(s);
      assertThat(s.toJson()).startsWith("{\"formatVersion\":2,");
    }
    assertThatThrownBy(() -> PlanState.fromJson("{\"formatVersion\":3}"))
        .isInstanceOf(PlanException.class).hasMessageContaining("format version 3 is newer than this Assay reads (2)");
    String valid = "{\"formatVersion\":1,\"phase\":\"PAUSED\",\"stepIndex\":3,\"weight\":10,\"message\":\"m\","
        + "\"runCounter\":1,\"savedAt\":\"2026-01-01T00:00:00Z\"";
    assertThat(PlanState.fromJson(valid + "}").phase()).isEqualTo(PlanPhase.PAUSED);
    assertThatThrownBy(() -> PlanState.fromJson(valid + ",\"stepIdx\":4}"))
        .hasMessageContaining("plan state field 'stepIdx' is unknown in format version 1");
    assertThatThrownBy(() -> PlanState.fromJson(valid.replace("PAUSED", "WAITING") + "}"))
        .hasMessageContaining("plan state field 'phase': 'WAITING' is not one of");
  }

  @Test
  void resumeNeedsANewRunner() {
    try (Walk w = new Walk(T0, PlanRunnerTest.prometheus(0.0, 0.03, 0.2, 1.05))) {
      w.runner.start();
      assertThatThrownBy(() -> w.runner.resume(w.runner.state(), n -> Optional.empty()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("resume needs a new runner");
    }
  }
}
