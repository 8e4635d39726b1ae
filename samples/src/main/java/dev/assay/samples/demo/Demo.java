/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import dev.assay.engine.AnalysisEngine;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.micrometer.AssayMetrics;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.GoDuration;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.HeaderRouteMatch;
import dev.assay.plan.PlanListener;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.PlanStatus;
import dev.assay.plan.RunReport;
import dev.assay.prometheus.PrometheusMetricProvider;
import dev.assay.samples.metrics.MetricsEndpoint;
import dev.assay.spi.MetricProvider;
import dev.assay.templates.CanaryTemplates;
import dev.assay.time.CloseableScheduler;
import dev.assay.time.Schedulers;
import dev.assay.web.WebMetricProvider;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo canary analysis (README's first command): a stable v1.0.0 and a canary v1.1.0 service on 127.0.0.1,
 * seeded traffic through a weighted router, and the standard plan with pauses scaled from minutes to seconds
 * (about a minute in all), after a first step that routes testers' {@code x-canary: true} requests to the canary.
 * With {@code --bad} the canary answers 15% of requests with 500 and is 300 ms slower.
 * The engine's and the plan's metrics are served on {@code http://127.0.0.1:PORT/metrics} while it runs
 * ({@code --metrics-port=N}, default a free port), named as the dashboards in docs/observability.md expect.
 */
public final class Demo {
  private static final String STABLE_HASH = "stable0";
  static final String CANARY_HASH = "canary1";
  /** The demo plan's first step: testers who send {@code x-canary: true} reach the canary (docs/routes.md). */
  static final CanaryStep.SetHeaderRoute TESTERS_ROUTE =
      CanaryStep.setHeaderRoute("canary-testers", HeaderRouteMatch.exact("x-canary", "true"));

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args {@code --good} (default) or {@code --bad}; {@code --no-prometheus} ignores an installed Prometheus;
   *     {@code --metrics-port=N} serves the metrics on that port of 127.0.0.1
   * @throws Exception when the demo cannot set itself up
   */
  public static void main(String[] args) throws Exception {
    boolean bad = Arrays.asList(args).contains("--bad");
    boolean usePrometheus = !Arrays.asList(args).contains("--no-prometheus");
    // no System.exit: the demo runs inside Maven's JVM (exec:java); every thread it started is stopped by now
    int metricsPort = Arrays.stream(args).filter(a -> a.startsWith("--metrics-port="))
        .mapToInt(a -> Integer.parseInt(a.substring("--metrics-port=".length()))).findFirst().orElse(0);
    run(bad, usePrometheus, metricsPort, System.out);
  }

  /**
   * Runs the demo and returns the plan's final status.
   *
   * @param bad whether the canary is bad
   * @param usePrometheus whether to use an installed {@code prometheus} binary
   * @param out where progress goes
   * @return the final status
   * @throws Exception when the demo cannot set itself up
   */
  public static PlanStatus run(boolean bad, boolean usePrometheus, PrintStream out) throws Exception {
    return run(bad, usePrometheus, 0, out);
  }

  /**
   * Runs the demo, serving its metrics on a given port, and returns the plan's final status.
   *
   * @param bad whether the canary is bad
   * @param usePrometheus whether to use an installed {@code prometheus} binary
   * @param metricsPort the port of 127.0.0.1 for {@code /metrics}; 0 picks a free one
   * @param out where progress goes
   * @return the final status
   * @throws Exception when the demo cannot set itself up
   */
  public static PlanStatus run(boolean bad, boolean usePrometheus, int metricsPort, PrintStream out)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AssayMetrics assayMetrics = AssayMetrics.builder(registry).prefix("argo_rollouts_")
        .rolloutPrefix("argo_rollouts_").build();
    Clock clock = Clock.systemUTC();
    Instant t0 = clock.instant();
    Path work = Files.createTempDirectory("assay-demo");
    try (CloseableScheduler scheduler = Schedulers.system(3);
        DemoService stable = DemoService.start("1.0.0", "demo-" + STABLE_HASH + "-0", 0, 0, 1, clock);
        DemoService canary = DemoService.start("1.1.0", "demo-" + CANARY_HASH + "-0", bad ? 0.15 : 0,
            bad ? 0.3 : 0, 2, clock);
        WeightedRouter router = new WeightedRouter(stable, canary, 3);
        TrafficGenerator traffic = new TrafficGenerator(router.url(), scheduler, Duration.ofMillis(100), 20, 4);
        MetricsEndpoint endpoint = MetricsEndpoint.start(registry, metricsPort)) {
      out.printf("Assay demo: stable v1.0.0 at %s, canary v1.1.0 at %s (%s), router at %s%n", stable.url(),
          canary.url(), bad ? "BAD: 15% errors, +300 ms" : "good", router.url());
      out.printf("Metrics of the analysis and the plan: %s%n", endpoint.url());
      traffic.start();
      Optional<Path> binary = usePrometheus ? PrometheusProcess.find() : Optional.empty();
      PrometheusProcess prometheus = null;
      MetricProvider metrics;
      String address;
      if (binary.isPresent()) {
        prometheus = PrometheusProcess.start(binary.get(), work, Map.of(
            stable.target(), Map.of("service", "demo", "namespace", "demo", "rollouts_pod_template_hash", STABLE_HASH),
            canary.target(), Map.of("service", "demo", "namespace", "demo", "rollouts_pod_template_hash",
                CANARY_HASH)), scheduler);
        out.printf("Prometheus found at %s: started on %s, scraping both services every second; waiting for the "
            + "first scrapes...%n", binary.get(), prometheus.url());
        prometheus.awaitScrapes(scheduler, 2, Duration.ofSeconds(60));
        metrics = PrometheusMetricProvider.create();
        address = prometheus.url();
      } else {
        out.println((usePrometheus ? "No prometheus binary found (apt-get install prometheus to run the PromQL for "
            + "real)" : "Prometheus not used (--no-prometheus)") + ": judging "
            + "from the services' own /metrics instead, scraped every second.");
        metrics = new DirectScrapeProvider(canary, stable, scheduler, clock, Duration.ofSeconds(10));
        address = "http://prometheus.invalid";
      }
      // The latency template's "not slower than stable by more than 20%" is the statistical judge; its two P99
      // series come from the same provider as every other query.
      try (AnalysisEngine engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).provider(metrics)
          .provider(WebMetricProvider.create()).provider(JudgeMetricProvider.delegatingTo(metrics))
          .listener(assayMetrics.analysisListener()).build()) {
        PlanStatus end = walk(engine, scheduler, router, canary, address, clock, t0,
            assayMetrics.planListener("demo", "demo"), out);
        out.printf("%nFrom %s at the end (the plan, and the runs by phase):%n", endpoint.url());
        registry.scrape().lines().filter(Demo::shown).forEach(l -> out.println("  " + l));
        return end;
      } finally {
        metrics.close();
        if (prometheus != null) {
          prometheus.close();
        }
        out.printf("%d requests sent through the router.%n", traffic.sent());
      }
    } finally {
      deleteTree(work);
    }
  }

  /** The scrape lines the demo prints: the plan's info and each run's current phase. */
  private static boolean shown(String line) {
    return line.startsWith("argo_rollouts_info{") || line.startsWith("argo_rollouts_analysis_run_info{");
  }

  private static PlanStatus walk(AnalysisEngine engine, CloseableScheduler scheduler, WeightedRouter router,
      DemoService canary, String address, Clock clock, Instant t0, PlanListener metrics, PrintStream out)
      throws Exception {
    List<CanaryStep> steps = new ArrayList<>();
    steps.add(TESTERS_ROUTE);
    steps.addAll(CanaryPlan.standard().steps());
    CanaryPlan plan = new CanaryPlan(steps).withPausesScaled(1.0 / 60);
    CompletableFuture<PlanStatus> finished = new CompletableFuture<>();
    PlanListener listener = new PlanListener() {
      @Override
      public void stepStarted(int index, CanaryStep step, PlanStatus status) {
        metrics.stepStarted(index, step, status);
        out.printf(Locale.ROOT, "[%5.1fs] step %2d/%d  %s%n", seconds(t0, clock), index + 1, plan.steps().size(),
            step.describe());
      }

      @Override
      public void analysisCompleted(int index, AnalysisRun run) {
        metrics.analysisCompleted(index, run);
        out.printf(Locale.ROOT, "[%5.1fs]          -> %s%n", seconds(t0, clock), run.status().phase().wireName());
        for (String line : RunReport.lines(run, true)) {
          out.println("             " + line.replaceAll(", counts successful.*", ""));
        }
      }

      @Override
      public void phaseChanged(PlanStatus status) {
        metrics.phaseChanged(status);
        if (status.phase().isDone() || status.phase() == PlanPhase.PAUSED) {
          finished.complete(status);
        }
      }
    };
    PlanRunner runner = PlanRunner.builder().plan(plan).engine(engine).scheduler(scheduler).router(router)
        .templates(CanaryTemplates.all()).name("demo", "demo").podTemplateHashes(STABLE_HASH, CANARY_HASH)
        .listener(listener)
        .args(List.of(Argument.of("service-name", "demo"), Argument.of("namespace", "demo"),
            Argument.of("canary-hash", CANARY_HASH), Argument.of("stable-hash", STABLE_HASH),
            Argument.of("canary-url", canary.url()), Argument.of("prometheus-address", address),
            Argument.of("count", "3"), Argument.of("interval", "2s"), Argument.of("window", "10s"),
            Argument.of("error-window", "10s"), Argument.of("judge-lookback", "30s"),
            Argument.of("judge-step", "1s")))
        .build();
    out.printf("Walking the standard plan, pauses scaled from minutes to seconds (%s of pauses).%n",
        GoDuration.format(plan.totalPause()));
    runner.start();
    PlanStatus end = finished.get(5, TimeUnit.MINUTES);
    out.println();
    if (end.phase() == PlanPhase.PROMOTED) {
      out.printf(Locale.ROOT, "VERDICT: PROMOTED after %.0f s: canary v1.1.0 now takes 100%% of traffic.%n",
          seconds(t0, clock));
    } else if (end.phase() == PlanPhase.ROLLED_BACK) {
      out.printf(Locale.ROOT, "VERDICT: ROLLED BACK after %.0f s, canary weight is %d%%.%nWhy: %s%n",
          seconds(t0, clock), router.weight(), end.message());
    } else {
      out.printf("VERDICT: PAUSED (Inconclusive), a person decides: %s%n", end.message());
      runner.abort();
    }
    return end;
  }

  private static double seconds(Instant t0, Clock clock) {
    return Duration.between(t0, clock.instant()).toMillis() / 1000.0;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
