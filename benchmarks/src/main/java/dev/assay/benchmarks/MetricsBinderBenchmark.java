/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisEngineBuilder;
import dev.assay.micrometer.AssayMetrics;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's measurement path with and without the Micrometer binder ({@code assay-micrometer} on a
 * {@code PrometheusMeterRegistry}): one operation is one evaluation of a run with 3 metrics due, so 3 measurements
 * (condition evaluation, counters, assessment, retention, listeners). Virtual time, provider calls inline; the run
 * never completes (unbounded count). The binder's overhead is {@code micrometer / none} of the same JMH run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MetricsBinderBenchmark {
  private static final Duration INTERVAL = Duration.ofSeconds(10);

  /** {@code none}: no listener; {@code micrometer}: AssayMetrics bound to a Prometheus registry. */
  @Param({"none", "micrometer"})
  public String binder;

  private ManualScheduler scheduler;
  private AnalysisEngine engine;
  private PrometheusMeterRegistry registry;

  /** Starts the engine and the run, and takes the first measurements. */
  @Setup(Level.Trial)
  public void setUp() {
    scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-03-01T12:00:00Z")));
    ScriptedProvider provider = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(0.99))
        .build();
    AnalysisEngineBuilder b = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
        .inlineProviderCalls().provider(provider);
    if ("micrometer".equals(binder)) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      b.listener(AssayMetrics.builder(registry).prefix("argo_rollouts_").build().analysisListener());
    }
    engine = b.build();
    List<Metric> metrics = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      metrics.add(Metric.builder("metric-" + m).interval("10s").successCondition("result > 0.9")
          .provider(ProviderSpec.of(new PrometheusMetric("http://prometheus:9090", "q" + m, null, false, List.of(),
              null, null)))
          .build());
    }
    engine.start(AnalysisRun.of(ObjectMeta.of("bench-run", "bench"),
        new AnalysisRunSpec(metrics, List.of(), false, List.of(), List.of(), null)));
    scheduler.runDueTasks();
  }

  /** Closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  /**
   * One evaluation with 3 measurements.
   *
   * @return how many scheduled tasks ran (1)
   */
  @Benchmark
  public int evaluation() {
    return scheduler.advanceBy(INTERVAL);
  }
}
