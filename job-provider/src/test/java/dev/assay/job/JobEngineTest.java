/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static dev.assay.job.JobTestSupport.T0;
import static dev.assay.job.JobTestSupport.containerSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.ReconcileResult;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The local runner through the engine's reconciler: the JSON last line is judged by the metric's conditions. */
class JobEngineTest {
  private static final Map<String, Object> JSON_LOCAL = Map.of("annotations",
      Map.of("assay.dev/runner", "local", "assay.dev/result", "last-line-json"));

  private static Metric metric(String script, String success, String failure) {
    Map<String, Object> container = Map.of("name", "check", "command", List.of("sh", "-c", script));
    return Metric.builder("latency").successCondition(success).failureCondition(failure)
        .provider(ProviderSpec.of(new JobMetric(JSON_LOCAL, containerSpec(container)))).build();
  }

  /**
   * Reconciles until the run completes. A local process is polled at the engine's times, so this loop (bounded in
   * real time) also waits for the real process to exit.
   */
  private static AnalysisRun reconcileToCompletion(MetricProvider provider, Metric metric) {
    Reconciler reconciler = Reconciler.builder().provider(provider).build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("canary", ""),
        new AnalysisRunSpec(List.of(metric), List.of(), false, List.of(), List.of(), null));
    Instant now = T0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!run.status().phase().isCompleted() && System.nanoTime() < deadline) {
      ReconcileResult r = reconciler.reconcile(run, now);
      run = r.run();
      Instant next = r.next().orElse(now);
      now = next.isAfter(now) ? next : now;
    }
    return run;
  }

  @Test
  void jsonResult_successCondition_runSuccessfulWithValue() {
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(k -> null).allowLocalRunner(true).build()) {
      AnalysisRun done = reconcileToCompletion(provider,
          metric("echo '{\"p99\": 0.2, \"errors\": 0}'", "result.p99 < 0.5 && result.errors == 0", ""));

      assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      Measurement m = done.status().metricResult("latency").orElseThrow().measurements().get(0);
      assertThat(m.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(m.value()).isEqualTo("{\"p99\": 0.2, \"errors\": 0}");
      assertThat(m.metadata()).containsEntry("job-name", "canary.latency.1").containsEntry("exit-code", "0");
    }
  }

  @Test
  void jsonResult_failureConditionTrue_runFailed() {
    try (JobMetricProvider provider = JobMetricProvider.builder().environment(k -> null).allowLocalRunner(true).build()) {
      AnalysisRun done = reconcileToCompletion(provider,
          metric("echo '{\"p99\": 0.9}'", "result.p99 < 0.5", "result.p99 >= 0.5"));

      assertThat(done.status().phase()).isEqualTo(AnalysisPhase.FAILED);
    }
  }

  @Test
  void factory_discoveredWithSettings_createsConfiguredProvider() {
    MetricProviderFactory factory = ServiceLoader.load(MetricProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.type().equals("job")).findFirst().orElseThrow();
    Metric plain = Metric.builder("latency").provider(ProviderSpec.of(new JobMetric(Map.of(),
        containerSpec(Map.of("name", "c", "command", List.of("sh", "-c", "exit 4")))))).build();

    try (MetricProvider provider = factory.create(ProviderSettings.of(Map.of(
        "defaultRunner", "local", "localTimeoutSeconds", "30", "localGracePeriodSeconds", "1",
        "localOutputLimitBytes", "4096", "ownerReferences", "false")))) {
      AnalysisRun done = reconcileToCompletion(provider, plain);

      assertThat(done.status().phase()).isEqualTo(AnalysisPhase.FAILED);
      assertThat(done.status().metricResult("latency").orElseThrow().measurements().get(0).message())
          .isEqualTo("Process exited with code 4");
    }
    assertThatThrownBy(() -> factory.create(ProviderSettings.of(Map.of("defaultRunner", "docker"))))
        .hasMessage("defaultRunner must be \"kubernetes\" or \"local\", but was \"docker\"");
    assertThatThrownBy(() -> factory.create(ProviderSettings.of(Map.of("localTimeoutSeconds", "5m"))))
        .hasMessage("localTimeoutSeconds must be a whole number, but was \"5m\"");
  }
}
