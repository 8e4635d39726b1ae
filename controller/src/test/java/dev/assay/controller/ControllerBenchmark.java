/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisRun;
import dev.assay.model.MetricResult;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark, run by hand (not in CI): N AnalysisRuns with 3 metrics each (count 3, interval 60s) on fabric8's
 * mock API server (CRUD mode, in this JVM), reconciled by R controller replicas (R shards) in this JVM. Prints
 * measurements per second, scheduling lag (p50/p99, separately for the first evaluation of each run, which queues
 * every run at once on a cold start, and for the timed ones after), API requests and status writes per measurement,
 * and the controllers' heap per run. See docs/controller.md for the command and results.
 *
 * <p>Arguments: {@code <runs> <replicas> [workersPerReplica] [interval]}.
 */
public final class ControllerBenchmark {
  private static final int METRICS = 3;
  private static final int COUNT = 3;
  private static String interval = "60s";

  private ControllerBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args runs, replicas, workers per replica
   * @throws Exception on failure
   */
  @SuppressWarnings("deprecation") // Serialization.jsonMapper(): what fabric8's own mock-server extension passes
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    interval = args.length > 3 ? args[3] : "60s";
    var responses = new HashMap<io.fabric8.mockwebserver.ServerRequest,
        java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
    KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
        new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
    server.init();
    KubernetesClient admin = server.createClient();
    long t0 = System.nanoTime();
    ExecutorService creators = Executors.newFixedThreadPool(8);
    for (int i = 0; i < runs; i++) {
      String name = "run-" + i;
      creators.submit(() -> MockCluster.create(admin, runYaml(name)));
    }
    creators.shutdown();
    creators.awaitTermination(30, TimeUnit.MINUTES);
    System.out.printf(Locale.ROOT, "created %d runs in %.1f s%n", runs, (System.nanoTime() - t0) / 1e9);

    long heapBefore = usedHeap(server);
    AtomicLong measurements = new AtomicLong();
    AtomicLong writes = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    ConcurrentLinkedQueue<Long> firstLag = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> timedLag = new ConcurrentLinkedQueue<>();
    ControllerListener listener = new ControllerListener() {
      @Override
      public void reconciled(AnalysisRun run, Duration lag) {
        int done = run.status().metricResults().isEmpty() ? 0 : run.status().metricResults().get(0).count();
        (done <= 1 ? firstLag : timedLag).add(lag.toNanos());
      }

      @Override
      public void statusWritten(AnalysisRun run, int taken) {
        writes.incrementAndGet();
        measurements.addAndGet(taken);
      }

      @Override
      public void statusConflict(String namespace, String name, boolean retried) {
        conflicts.incrementAndGet();
      }
    };
    MetricProvider provider = new MetricProvider() {
      @Override
      public String type() {
        return "prometheus";
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        return ProviderResult.observed(0.99, "0.99");
      }
    };
    long requestsBefore = server.getRequestCount();
    long start = System.nanoTime();
    List<AnalysisRunController> controllers = new ArrayList<>();
    List<KubernetesClient> clients = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      KubernetesClient c = server.createClient();
      clients.add(c);
      AnalysisRunController controller = AnalysisRunController.builder().client(c)
          .reconciler(Reconciler.builder().provider(provider).build()).listener(listener)
          .settings(ControllerSettings.builder().identity("bench-" + r).namespace(MockCluster.NS).shards(replicas)
              .leaseNamespace(MockCluster.NS).workers(workers).events(false)
              .leaseTiming(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)).build())
          .build();
      controller.start();
      controllers.add(controller);
    }
    long expected = (long) runs * METRICS * COUNT;
    long heapAtFirst = -1;
    while (measurements.get() < expected) {
      Thread.sleep(500);
      if (heapAtFirst < 0 && measurements.get() >= (long) runs * METRICS) {
        heapAtFirst = usedHeap(server);
      }
      if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(30)) {
        System.out.println("gave up after 30 minutes");
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long requests = server.getRequestCount() - requestsBefore;
    long heapEnd = usedHeap(server);
    controllers.forEach(AnalysisRunController::close);

    long stored = 0;
    long wrong = 0;
    for (GenericKubernetesResource r : admin.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS)
        .inNamespace(MockCluster.NS).list().getItems()) {
      AnalysisRun run = MockCluster.stored(admin, r.getMetadata().getName());
      for (MetricResult m : run.status().metricResults()) {
        stored += m.measurements().size();
        wrong += m.count() == COUNT && m.measurements().size() == COUNT ? 0 : 1;
      }
    }
    System.out.printf(Locale.ROOT, "runs %d x %d metrics x count %d, replicas %d, workers/replica %d%n", runs,
        METRICS, COUNT, replicas, workers);
    System.out.printf(Locale.ROOT, "measurements %d in %.1f s: %.0f measurements/s (stored %d, metrics not at "
        + "count: %d)%n", measurements.get(), seconds, measurements.get() / seconds, stored, wrong);
    System.out.printf(Locale.ROOT, "lag first evaluation (cold start, all runs queued at once): p50 %s p99 %s%n",
        pct(firstLag, 50), pct(firstLag, 99));
    System.out.printf(Locale.ROOT, "lag timed evaluations: p50 %s p99 %s (n=%d)%n", pct(timedLag, 50),
        pct(timedLag, 99), timedLag.size());
    System.out.printf(Locale.ROOT, "API requests %d: %.3f per measurement; status writes %d: %.3f per measurement;"
        + " conflicts %d%n", requests, requests / (double) measurements.get(), writes.get(),
        writes.get() / (double) measurements.get(), conflicts.get());
    System.out.printf(Locale.ROOT, "controller heap: %.1f KiB per run after first measurements, %.1f KiB per run "
        + "at the end (used heap after GC minus before the controllers started)%n",
        (heapAtFirst - heapBefore) / 1024.0 / runs, (heapEnd - heapBefore) / 1024.0 / runs);
    clients.forEach(KubernetesClient::close);
    admin.close();
    server.destroy();
    System.exit(0);
  }

  private static String runYaml(String name) {
    return MockCluster.runYaml(name, COUNT, "rate", "latency", "errors")
        .replace("interval: 1m", "interval: " + interval);
  }

  private static String pct(ConcurrentLinkedQueue<Long> values, int p) {
    if (values.isEmpty()) {
      return "-";
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    long v = sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    return String.format(Locale.ROOT, "%.1f ms", v / 1e6);
  }

  /** Used heap after GC, with the mock server's log of recorded requests emptied first (it is not ours). */
  private static long usedHeap(KubernetesMockServer server) throws InterruptedException {
    while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
      // drain
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
