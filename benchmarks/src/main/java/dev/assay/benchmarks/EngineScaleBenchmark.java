/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisListener;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.WebMetric;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine driving N concurrent runs (3 metrics each, interval 10s, a scripted provider answering in 1 ms), in
 * real time. Reports scheduling lag against the due time (p50/p99), heap per run with 10 retained measurements per
 * metric, and CPU per measurement. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.EngineScaleBenchmark [runs...]}
 * (default 1000 10000). System properties: {@code window} (seconds measured, default 40), {@code schedulerThreads}
 * (default 4), {@code providerThreads} (default 32), {@code hanging} (fraction of runs whose every call hangs past the
 * 1 s call timeout, default 0; with a value above 0 each size is measured twice in the same JVM, fault-free first,
 * and the lag columns are those of the healthy runs only).
 */
public final class EngineScaleBenchmark {
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final int METRICS = 3;
  private static final int RETAINED = 10;

  private EngineScaleBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args run counts, for example {@code 1000 10000}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {1000, 10000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    long window = Long.getLong("window", 40);
    double hanging = Double.parseDouble(System.getProperty("hanging", "0"));
    System.out.println("| runs | hanging | measurements | lag p50 (ms) | lag p99 (ms) | lag max (ms) "
        + "| heap/run (KiB) | CPU/measurement (us) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int runs : sizes) {
      if (hanging > 0) {
        System.out.println(measure(runs, Duration.ofSeconds(window), 0));
      }
      System.out.println(measure(runs, Duration.ofSeconds(window), hanging));
    }
  }

  private static String measure(int runs, Duration window, double hanging) throws Exception {
    int hangingRuns = (int) Math.round(runs * hanging);
    Clock clock = Clock.systemUTC();
    LagRecorder lags = new LagRecorder(runs * METRICS * (int) (window.getSeconds() / INTERVAL.getSeconds() + 3));
    AtomicInteger taken = new AtomicInteger();
    AnalysisListener listener = new AnalysisListener() {
      @Override
      public void onMeasurementTaken(AnalysisRun run, String metric, Measurement m) {
        MetricResult r = run.status().metricResult(metric).orElseThrow();
        List<Measurement> ms = r.measurements();
        if (ms.size() >= 2 && lags.recording && !run.metadata().name().startsWith("hanging-")) {
          Instant due = ms.get(ms.size() - 2).finishedAt().plus(INTERVAL);
          lags.add(Duration.between(due, m.startedAt()).toNanos());
          taken.incrementAndGet();
        }
      }
    };
    ScriptedProvider provider = ScriptedProvider.builder("prometheus")
        .scriptForAnyMetric(ScriptStep.value(0.99).after(Duration.ofMillis(1))).build();
    // Calls that never answer: the engine's 1 s call deadline interrupts them.
    ScriptedProvider stuck = ScriptedProvider.builder("web").scriptForAnyMetric(ScriptStep.hang()).build();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedHeap(memory);
    List<AnalysisRun> prepared = new ArrayList<>(runs);
    Instant start = clock.instant();
    for (int i = 0; i < runs; i++) {
      // Spread the due times over one interval, as runs started at different times would be.
      prepared.add(runWithHistory(i, start.minus(INTERVAL).plusNanos(INTERVAL.toNanos() * i / runs),
          hangingRuns > 0 && i * hangingRuns / runs != (i + 1) * hangingRuns / runs));
    }
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(clock).provider(provider).provider(stuck)
        .callTimeout(Duration.ofSeconds(1)).listener(listener)
        .schedulerThreads(Integer.getInteger("schedulerThreads", 4))
        .providerThreads(Integer.getInteger("providerThreads", 32)).build()) {
      prepared.forEach(engine::start);
      prepared.clear();
      await(INTERVAL.plusSeconds(2));
      long heapWithRuns = usedHeap(memory);
      lags.recording = true;
      long cpuBefore = processCpuNanos();
      await(window);
      long cpu = processCpuNanos() - cpuBefore;
      lags.recording = false;
      int n = taken.get();
      return String.format(Locale.ROOT, "| %,d | %.0f%% | %,d | %.1f | %.1f | %.1f | %.1f | %.0f |", runs,
          hanging * 100, n,
          lags.percentile(0.50) / 1e6, lags.percentile(0.99) / 1e6, lags.percentile(1.0) / 1e6,
          (heapWithRuns - heapBefore) / 1024.0 / runs, n == 0 ? 0.0 : cpu / 1e3 / n);
    }
  }

  /** A run resumed from a status that already holds 10 measurements per metric, so retention is full. */
  private static AnalysisRun runWithHistory(int i, Instant lastFinished, boolean hanging) {
    List<Metric> metrics = new ArrayList<>();
    List<MetricResult> results = new ArrayList<>();
    for (int m = 0; m < METRICS; m++) {
      String name = "metric-" + m;
      metrics.add(Metric.builder(name).interval("10s").successCondition("result > 0.9")
          .provider(hanging ? ProviderSpec.of(WebMetric.get("http://stuck:8080/health", "$.ok"))
              : ProviderSpec.of(new PrometheusMetric("http://prometheus:9090",
              "sum(rate(http_requests_total{status=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))", null,
              false, List.of(), null, null)))
          .build());
      List<Measurement> history = new ArrayList<>();
      for (int k = RETAINED - 1; k >= 0; k--) {
        Instant at = lastFinished.minus(INTERVAL.multipliedBy(k));
        history.add(Measurement.builder().phase(AnalysisPhase.SUCCESSFUL).startedAt(at).finishedAt(at).value("0.99")
            .build());
      }
      results.add(MetricResult.start(name, false, Map.of()).toBuilder().measurements(history).count(RETAINED)
          .successful(RETAINED).consecutiveSuccess(RETAINED).build());
    }
    AnalysisRunStatus status = new AnalysisRunStatus(AnalysisPhase.RUNNING, "", results,
        lastFinished.minus(INTERVAL.multipliedBy(RETAINED)), null, null, null);
    return new AnalysisRun(null, null, ObjectMeta.of((hanging ? "hanging-" : "run-") + i, "bench"),
        new AnalysisRunSpec(metrics, List.of(), false, List.of(), List.of(), null), status);
  }

  private static void await(Duration d) throws InterruptedException {
    // A benchmark measures wall time; waiting on a latch keeps the main thread idle.
    new CountDownLatch(1).await(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static long usedHeap(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      await(Duration.ofMillis(200));
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
  }

  /** Lags in nanoseconds; a plain array because the sample count is bounded and known. */
  private static final class LagRecorder {
    private final long[] samples;
    private int size;
    volatile boolean recording;

    LagRecorder(int capacity) {
      samples = new long[capacity];
    }

    synchronized void add(long nanos) {
      if (size < samples.length) {
        samples[size++] = nanos;
      }
    }

    synchronized double percentile(double p) {
      if (size == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(samples, size);
      Arrays.sort(sorted);
      return sorted[Math.min(size - 1, (int) Math.ceil(p * size) - 1 < 0 ? 0 : (int) Math.ceil(p * size) - 1)];
    }
  }
}
