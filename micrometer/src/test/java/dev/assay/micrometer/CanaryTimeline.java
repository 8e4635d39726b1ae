/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import dev.assay.engine.AnalysisEngine;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ObjectMeta;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanRunner;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real engine runs on virtual time, scraped once per virtual minute: the input of the alert-rule tests. The clock
 * starts at the Unix epoch because {@code promtool test rules} evaluates {@code time()} from 0, so the exported
 * timestamps and promtool's clock agree.
 *
 * <p>The healthy timeline has a canary plan that passes two analyses and a long steady run. The faulty one adds a
 * plan whose analysis fails, a plan whose analysis is Inconclusive, a run whose data source fails two calls in three,
 * and a run on a second engine whose scheduler stops after 5 minutes (a wedged engine).
 */
final class CanaryTimeline {
  static final String NAMESPACE = "prod";
  /** How long the stalled run's engine works before its scheduler stops. */
  static final int STALL_AFTER_MINUTES = 5;

  private CanaryTimeline() {}

  static SeriesRecorder healthy(int minutes) {
    return simulate(minutes, false);
  }

  static SeriesRecorder faulty(int minutes) {
    return simulate(minutes, true);
  }

  static AssayMetrics metrics(PrometheusMeterRegistry registry) {
    return AssayMetrics.builder(registry).prefix("argo_rollouts_").rolloutPrefix("argo_rollouts_").build();
  }

  static AnalysisTemplate template(String name, String metricYaml) {
    return Manifests.read("apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: " + name
        + "\nspec:\n  metrics:\n" + metricYaml, AnalysisTemplate.class);
  }

  static List<AnalysisTemplate> templates() {
    return List.of(
        template("good", "  - name: success-rate\n    interval: 1m\n    count: 3\n"
            + "    successCondition: result[0] >= 0.95\n    provider:\n      prometheus:\n        query: q\n"),
        template("bad", "  - name: error-rate\n    interval: 1m\n    count: 3\n"
            + "    successCondition: result[0] < 0.05\n    provider:\n      prometheus:\n        query: q\n"),
        template("unsure", "  - name: saturation\n    successCondition: result[0] < 0.3\n"
            + "    failureCondition: result[0] > 0.8\n    provider:\n      prometheus:\n        query: q\n"));
  }

  static AnalysisRun run(String name, String metric, int count, int consecutiveErrorLimit) {
    AnalysisTemplate t = template(name, "  - name: " + jsonString(metric) + "\n    interval: 1m\n"
        + "    count: " + count + "\n    consecutiveErrorLimit: " + consecutiveErrorLimit
        + "\n    successCondition: result[0] > 0\n    provider:\n      prometheus:\n        query: q\n");
    return dev.assay.template.AnalysisRuns.fromTemplates(ObjectMeta.of(name, NAMESPACE), List.of(t), List.of());
  }

  /** A JSON string literal, which is also a YAML double-quoted scalar: quotes, backslashes, newlines survive. */
  private static String jsonString(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SeriesRecorder simulate(int minutes, boolean faulty) {
    ManualClock clock = new ManualClock(Instant.EPOCH);
    ManualScheduler main = new ManualScheduler(clock);
    ManualScheduler wedged = new ManualScheduler(clock);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AssayMetrics metrics = metrics(registry);
    CannedProvider provider = new CannedProvider();
    SeriesRecorder recorder = new SeriesRecorder();
    try (AnalysisEngine engine = engine(clock, main, provider, metrics);
        AnalysisEngine stalling = engine(clock, wedged, provider, metrics)) {
      List<PlanRunner> plans = new ArrayList<>();
      plans.add(plan(engine, main, metrics, "proxy-api-good", CanaryStep.setWeight(20), CanaryStep.analysis("good"),
          CanaryStep.setWeight(50), CanaryStep.analysis("good")));
      engine.start(run("steady-run", "throughput", minutes + 10, 4));
      if (faulty) {
        plans.add(plan(engine, main, metrics, "proxy-api-bad", CanaryStep.setWeight(20), CanaryStep.analysis("bad")));
        plans.add(plan(engine, main, metrics, "proxy-api-unsure", CanaryStep.setWeight(20),
            CanaryStep.analysis("unsure")));
        engine.start(run("flaky-run", CannedProvider.FLAKY, minutes + 10, 100));
        stalling.start(run("stalled-run", "throughput", minutes + 10, 4));
      }
      plans.forEach(PlanRunner::start);
      main.runDueTasks();
      wedged.runDueTasks();
      recorder.record(0, registry.scrape());
      for (int minute = 1; minute < minutes; minute++) {
        for (int second = 0; second < 60; second++) {
          main.advanceBy(Duration.ofSeconds(1));
          if (minute <= STALL_AFTER_MINUTES) {
            wedged.runDueTasks();
          }
        }
        recorder.record(minute, registry.scrape());
      }
    }
    return recorder;
  }

  private static AnalysisEngine engine(ManualClock clock, ManualScheduler scheduler, CannedProvider provider,
      AssayMetrics metrics) {
    return AnalysisEngine.builder().clock(clock).scheduler(scheduler).inlineProviderCalls().provider(provider)
        .listener(metrics.analysisListener()).build();
  }

  private static PlanRunner plan(AnalysisEngine engine, ManualScheduler scheduler, AssayMetrics metrics, String name,
      CanaryStep... steps) {
    return PlanRunner.builder().plan(CanaryPlan.of(steps)).engine(engine).scheduler(scheduler)
        .router(percent -> { }).templates(templates()).name(name, NAMESPACE)
        .listener(metrics.planListener(NAMESPACE, name)).build();
  }
}
