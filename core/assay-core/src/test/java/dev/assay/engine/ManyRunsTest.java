/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One engine, 1,000 concurrent runs, a manual clock. */
class ManyRunsTest {
  @Test
  void thousandConcurrentRuns_onAManualClock_allCompleteWithExactCallCounts() {
    ManualScheduler scheduler = EngineFixtures.scheduler();
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus")
        .scriptForAnyMetric(ScriptStep.value(0.99)).build();
    try (AnalysisEngine engine = EngineFixtures.virtualEngine(scheduler, prometheus).inlineProviderCalls().build()) {
      List<AnalysisHandle> handles = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        handles.add(engine.start(EngineFixtures.run("run-" + i,
            EngineFixtures.prometheusMetric("a-" + i).interval("1m").count(5).successCondition("result > 0.9").build(),
            EngineFixtures.prometheusMetric("b-" + i).interval("2m").count(3).successCondition("result > 0.9")
                .build())));
      }
      assertThat(engine.activeRuns()).isEqualTo(1000);
      scheduler.advanceBy(Duration.ofMinutes(3));
      assertThat(handles).noneMatch(AnalysisHandle::isDone);
      scheduler.advanceBy(Duration.ofMinutes(3));

      assertThat(handles).allMatch(h -> h.status().phase() == AnalysisPhase.SUCCESSFUL);
      assertThat(prometheus.totalCalls()).isEqualTo(1000 * (5 + 3));
      assertThat(engine.activeRuns()).isZero();
      assertThat(scheduler.pendingTasks()).isZero();
    }
  }
}
