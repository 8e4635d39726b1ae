/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.judge.internal.SequentialStates;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.stats.SequentialState;
import dev.assay.template.AnalysisRuns;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The sequential proportion judge inside a template, run by the engine in virtual time: its running totals live in
 * the measurements' metadata, so a run resumed by another engine from the stored status ends with the same totals
 * as an uninterrupted one.
 */
class SequentialJudgeEngineTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static AnalysisRun run() throws IOException {
    try (InputStream in = SequentialJudgeEngineTest.class.getResourceAsStream("/judge/error-rate-sequential.yaml")) {
      AnalysisTemplate template = Manifests.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          AnalysisTemplate.class);
      return AnalysisRuns.fromTemplates(ObjectMeta.of("rollout-3-errors", "shop"), List.of(template),
          List.of(Argument.of("canary-hash", "c4n4ry"), Argument.of("stable-hash", "st4bl3")));
    }
  }

  /** Per minute: 1,000 requests each; the canary has {@code canaryErrors} 5xx, stable 10. */
  private static SeriesByQueryProvider prometheus(double canaryErrors) {
    String canary = "http_requests_total{hash=\"c4n4ry\"";
    String stable = "http_requests_total{hash=\"st4bl3\"";
    return new SeriesByQueryProvider()
        .answer("sum(increase(" + canary + ",status=~\"5..\"}[1m]))", List.of(canaryErrors))
        .answer("sum(increase(" + canary + "}[1m]))", List.of(999.6))
        .answer("sum(increase(" + stable + ",status=~\"5..\"}[1m]))", List.of(10.0))
        .answer("sum(increase(" + stable + "}[1m]))", List.of(1000.0));
  }

  private static AnalysisEngine engine(ManualScheduler scheduler, SeriesByQueryProvider prometheus,
      AtomicReference<String> saved) {
    return AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler).inlineProviderCalls()
        .provider(prometheus).provider(JudgeMetricProvider.delegatingTo(prometheus))
        .statusStore(r -> saved.set(Manifests.write(r))).build();
  }

  private static SequentialState state(Measurement m) {
    return SequentialState.decode(m.metadata().get(SequentialStates.KEY));
  }

  @Test
  void healthyCanaryAccumulatesEveryLookAndSucceeds() throws IOException {
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
    AtomicReference<String> saved = new AtomicReference<>();
    try (AnalysisEngine engine = engine(scheduler, prometheus(10), saved)) {
      AnalysisHandle handle = engine.start(run());
      scheduler.advanceBy(Duration.ofMinutes(10));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      List<Measurement> ms = handle.status().metricResult("error-rate-vs-stable").orElseThrow().measurements();
      assertThat(ms).hasSize(8);
      SequentialState last = state(ms.get(7));
      assertThat(last.looks()).isEqualTo(8);
      assertThat(last.canary().count()).isEqualTo(8000); // 999.6 rounds to 1,000 per look
      assertThat(last.baseline().count()).isEqualTo(8000);
      assertThat(ms.get(0).metadata()).containsEntry("verdict", "inconclusive").containsEntry("canary.counts",
          "10/1000");
      assertThat(ms.get(7).metadata()).containsEntry("verdict", "pass").containsEntry("rule", "sequential")
          .containsEntry("method", "confidence-sequence");
      assertThat(ms.get(7).value()).contains("look 8, all data so far: canary 80 of 8000 (1%) vs baseline 80 of "
          + "8000 (1%)", "lies below the +1 points margin (valid at every look): pass");
    }
  }

  @Test
  void threePercentErrorsFailWithinTheRun() throws IOException {
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
    try (AnalysisEngine engine = engine(scheduler, prometheus(30), new AtomicReference<>())) {
      AnalysisHandle handle = engine.start(run());
      scheduler.advanceBy(Duration.ofMinutes(10));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.FAILED);
      MetricResult r = handle.status().metricResult("error-rate-vs-stable").orElseThrow();
      Measurement last = r.measurements().get(r.measurements().size() - 1);
      assertThat(last.metadata()).containsEntry("verdict", "fail");
      assertThat(state(last).looks()).isBetween(2L, 8L);
    }
  }

  @Test
  void resumedFromTheStoredStatusTheTotalsContinueAsIfUninterrupted() throws IOException {
    ManualClock clock = new ManualClock(T0);
    AtomicReference<String> saved = new AtomicReference<>();
    ManualScheduler first = new ManualScheduler(clock);
    AnalysisEngine engineA = engine(first, prometheus(10), saved);
    engineA.start(run());
    first.advanceBy(Duration.ofSeconds(3 * 60 + 30));
    engineA.close();
    assertThat(saved.get()).contains(SequentialStates.KEY);

    ManualScheduler second = new ManualScheduler(clock);
    try (AnalysisEngine engineB = engine(second, prometheus(10), saved)) {
      AnalysisHandle handle = engineB.start(Manifests.read(saved.get(), AnalysisRun.class));
      second.advanceBy(Duration.ofMinutes(10));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      List<Measurement> ms = handle.status().metricResult("error-rate-vs-stable").orElseThrow().measurements();
      assertThat(ms).hasSize(8);
      assertThat(state(ms.get(7))).isEqualTo(new SequentialState("proportion", state(ms.get(7)).canary(),
          state(ms.get(7)).baseline(), 8));
      assertThat(state(ms.get(7)).canary().count()).isEqualTo(8000);
      assertThat(ms).extracting(m -> state(m).looks()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
  }
}
