/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The status is the persistence format: a new engine continues a saved run with nothing lost or taken twice. */
class CrashResumeTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void crashAndResume_fromPersistedJsonStatus_continuesWithoutLosingOrRepeatingMeasurements() throws Exception {
    ManualClock clock = new ManualClock(EngineFixtures.T0);
    AtomicReference<String> saved = new AtomicReference<>();
    StatusStore store = run -> saved.set(JSON.writeValueAsString(run));
    AnalysisRun spec = EngineFixtures.run("resumable",
        EngineFixtures.prometheusMetric("rate").interval("1m").count(10).successCondition("result > 0.9").build(),
        EngineFixtures.prometheusMetric("job").successCondition("result == 1").build());

    ScriptedProvider first = ScriptedProvider.builder("prometheus")
        .script("rate", ScriptStep.value(0.95))
        .script("job", ScriptStep.pending(Duration.ofMinutes(5)), ScriptStep.pending(Duration.ofMinutes(5)))
        .build();
    ManualScheduler schedulerA = new ManualScheduler(clock);
    AnalysisEngine engineA = EngineFixtures.virtualEngine(schedulerA, first).statusStore(store).build();
    engineA.start(spec);
    schedulerA.advanceBy(Duration.ofSeconds(7 * 60 + 30));
    engineA.close();
    String persisted = saved.get();
    assertThat(first.starts("rate")).isEqualTo(8);
    assertThat(first.starts("job")).isEqualTo(1);

    // Another process: a new engine, a new provider, the same clock time line, the saved JSON.
    clock.advanceBy(Duration.ofSeconds(5));
    ScriptedProvider second = ScriptedProvider.builder("prometheus")
        .script("rate", ScriptStep.value(0.96))
        .script("job", ScriptStep.value(1.0))
        .build();
    ManualScheduler schedulerB = new ManualScheduler(clock);
    List<Instant> resumedAt = new ArrayList<>();
    try (AnalysisEngine engineB = EngineFixtures.virtualEngine(schedulerB, second).statusStore(store)
        .listener(new AnalysisListener() {
          @Override
          public void onMeasurementTaken(AnalysisRun run, String metric, Measurement m) {
            resumedAt.add(m.startedAt());
          }
        }).build()) {
      AnalysisHandle handle = engineB.start(JSON.readValue(persisted, AnalysisRun.class));
      schedulerB.runDueTasks();
      assertThat(resumedAt).as("nothing was due at restart").isEmpty();
      schedulerB.advanceBy(Duration.ofMinutes(10));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      MetricResult rate = handle.status().metricResult("rate").orElseThrow();
      assertThat(rate.count()).isEqualTo(10);
      assertThat(first.starts("rate") + second.starts("rate")).as("no measurement taken twice").isEqualTo(10);
      assertThat(rate.measurements()).extracting(Measurement::value)
          .containsExactly("0.95", "0.95", "0.95", "0.95", "0.95", "0.95", "0.95", "0.95", "0.96", "0.96");
      List<Instant> starts = rate.measurements().stream().map(Measurement::startedAt).toList();
      for (int i = 1; i < starts.size(); i++) {
        assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThan(Duration.ofMinutes(1));
      }
      MetricResult job = handle.status().metricResult("job").orElseThrow();
      assertThat(second.starts("job")).as("the in-flight measurement was resumed, not restarted").isZero();
      assertThat(job.measurements()).hasSize(1);
      assertThat(job.measurements().get(0).startedAt()).isEqualTo(EngineFixtures.T0);
      assertThat(job.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(JSON.readValue(saved.get(), AnalysisRun.class)).isEqualTo(handle.run());
    }
  }

  @Test
  void crashAndResume_fromManifestYaml_continuesTheSameWay() {
    ManualClock clock = new ManualClock(EngineFixtures.T0);
    AtomicReference<String> saved = new AtomicReference<>();
    StatusStore store = run -> saved.set(Manifests.write(run));
    AnalysisRun spec = EngineFixtures.run("yaml",
        EngineFixtures.prometheusMetric("rate").interval("1m").count(4).successCondition("result > 0.9").build());
    ScriptedProvider first = ScriptedProvider.builder("prometheus").script("rate", ScriptStep.value(0.95)).build();
    ManualScheduler schedulerA = new ManualScheduler(clock);
    AnalysisEngine engineA = EngineFixtures.virtualEngine(schedulerA, first).statusStore(store).build();
    engineA.start(spec);
    schedulerA.advanceBy(Duration.ofSeconds(90));
    engineA.close();
    assertThat(saved.get()).contains("kind: AnalysisRun").contains("phase: Running");

    ScriptedProvider second = ScriptedProvider.builder("prometheus").script("rate", ScriptStep.value(0.97)).build();
    ManualScheduler schedulerB = new ManualScheduler(clock);
    try (AnalysisEngine engineB = EngineFixtures.virtualEngine(schedulerB, second).statusStore(store).build()) {
      AnalysisHandle handle = engineB.start(Manifests.read(saved.get(), AnalysisRun.class));
      schedulerB.advanceBy(Duration.ofMinutes(5));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(first.starts("rate") + second.starts("rate")).isEqualTo(4);
      assertThat(handle.status().metricResult("rate").orElseThrow().measurements()).extracting(Measurement::value)
          .containsExactly("0.95", "0.95", "0.97", "0.97");
    }
  }
}
