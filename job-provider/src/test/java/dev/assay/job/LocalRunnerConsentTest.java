/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static dev.assay.job.JobTestSupport.T0;
import static dev.assay.job.JobTestSupport.containerSpec;
import static dev.assay.job.JobTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import dev.assay.spi.RunRef;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 1: a template can ask for the local runner but only the embedding application can allow it; an
 * unallowed request is an Error that says how to allow it, and no command runs.
 */
class LocalRunnerConsentTest {
  private static final Map<String, Object> ASKS_LOCAL = Map.of("annotations", Map.of("assay.dev/runner", "local"));

  @TempDir
  Path dir;

  private Metric touching(Path marker) {
    Map<String, Object> container = Map.of("name", "c", "command", List.of("sh", "-c", "touch '" + marker + "'"));
    return Metric.builder("check").provider(ProviderSpec.of(new JobMetric(ASKS_LOCAL, containerSpec(container))))
        .build();
  }

  @Test
  void annotationAlone_isAnErrorAndRunsNothing() throws Exception {
    Path marker = dir.resolve("ran");
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(k -> null).build()) {
      ProviderResult r = provider.run(context(new RunRef("r", "ns", "u"), touching(marker), T0));

      assertThat(r).isInstanceOf(ProviderResult.Errored.class);
      assertThat(((ProviderResult.Errored) r).message()).contains("asks for the local runner")
          .contains("allowLocalRunner(true)").contains("allowLocalRunner=true");
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void plainDiscovery_doesNotAllowTheLocalRunner() throws Exception {
    Path marker = dir.resolve("ran");
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("r", "ns"), new AnalysisRunSpec(List.of(touching(marker)),
        List.of(), false, List.of(), List.of(), null));
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
        .discoverProviders(getClass().getClassLoader()).build()) {
      AnalysisHandle h = engine.start(run);
      scheduler.runUntilIdle(T0.plus(Duration.ofMinutes(5)));

      AnalysisRun done = h.run();
      assertThat(done.status().phase()).isEqualTo(AnalysisPhase.ERROR);
      Measurement last = done.status().metricResult("check").orElseThrow().lastMeasurement().orElseThrow();
      assertThat(last.phase()).isEqualTo(AnalysisPhase.ERROR);
      assertThat(last.message()).isEqualTo(JobMetricProvider.LOCAL_RUNNER_OFF);
    }
    assertThat(marker).doesNotExist();
  }

  @Test
  void applicationConsent_byBuilderOrSetting_runsTheCommand() throws Exception {
    Path byBuilder = dir.resolve("builder");
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(k -> null).allowLocalRunner(true)
        .build()) {
      assertStartsAndRuns(provider, byBuilder);
    }
    Path bySetting = dir.resolve("setting");
    try (MetricProvider provider = new JobProviderFactory().create(
        ProviderSettings.of(Map.of("allowLocalRunner", "true")))) {
      assertStartsAndRuns(provider, bySetting);
    }
  }

  private void assertStartsAndRuns(MetricProvider provider, Path marker) throws Exception {
    ProviderResult r = provider.run(context(new RunRef("r", "ns", "u"), touching(marker), T0));
    assertThat(r).isInstanceOf(ProviderResult.Pending.class);
    ProcessHandle.of(Long.parseLong(r.metadata().get("pid")))
        .ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    assertThat(Files.exists(marker)).isTrue();
  }
}
