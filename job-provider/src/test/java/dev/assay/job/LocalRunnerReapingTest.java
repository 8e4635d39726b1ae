/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static dev.assay.job.JobTestSupport.T0;
import static dev.assay.job.JobTestSupport.containerSpec;
import static dev.assay.job.JobTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 7: a script whose background child outlives it (and holds its standard output) leaves neither
 * that process nor an output-draining thread behind once its measurement is decided.
 */
@EnabledOnOs(OS.LINUX)
class LocalRunnerReapingTest {
  private static final Map<String, Object> LOCAL = Map.of("annotations", Map.of("assay.dev/runner", "local"));

  @TempDir
  Path dir;

  @Test
  void tenRunsWithBackgroundChildren_leaveNoProcessAndNoDrainerThread() throws Exception {
    List<Long> orphans = new ArrayList<>();
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(k -> null).allowLocalRunner(true)
        .build()) {
      for (int i = 0; i < 10; i++) {
        Path pidFile = dir.resolve("orphan-" + i);
        // The background sleep keeps stdout open after the shell exits: the shell's child becomes an orphan.
        String script = "sleep 300 & echo $! > '" + pidFile + ".tmp'; mv '" + pidFile + ".tmp' '" + pidFile
            + "'; echo started";
        Metric metric = Metric.builder("check-" + i).provider(ProviderSpec.of(new JobMetric(LOCAL,
            containerSpec(Map.of("name", "c", "command", List.of("sh", "-c", script)))))).build();
        ProviderResult started = provider.run(context(new RunRef("r", "ns", "u"), metric, T0));
        Measurement inFlight = JobTestSupport.inFlight(started, T0);
        ProviderResult decided = resumeUntilDecided(provider, metric, inFlight);

        assertThat(decided).isInstanceOf(ProviderResult.Decided.class);
        assertThat(Files.exists(pidFile)).isTrue();
        orphans.add(Long.parseLong(Files.readString(pidFile).trim()));
      }
    }

    for (long pid : orphans) {
      awaitGone(pid);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("orphan %d", pid).isFalse();
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("assay-job-output-")) {
        t.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(t.isAlive()).as("drainer thread %s", t.getName()).isFalse();
      }
    }
  }

  /** Polls real process state, bounded in real time (not a timing assertion). */
  private static void awaitGone(long pid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /** Polls (bounded in real time) until the provider has seen the root exit. */
  private static ProviderResult resumeUntilDecided(JobMetricProvider provider, Metric metric, Measurement m) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    ProviderResult r = provider.resume(context(new RunRef("r", "ns", "u"), metric, T0), m);
    while (r instanceof ProviderResult.Pending && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      r = provider.resume(context(new RunRef("r", "ns", "u"), metric, T0), m);
    }
    return r;
  }
}
