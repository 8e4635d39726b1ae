/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.controller;

import dev.assay.engine.ReconcileResult;
import dev.assay.engine.Reconciler;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.template.AnalysisRuns;
import dev.assay.templates.CanaryTemplates;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A controller loop embedding the engine: the run's state lives in a store (here a map of JSON documents, in real
 * life a Kubernetes object's status or a database row). Each pass reads the run, calls the pure
 * {@link Reconciler#reconcile}, writes the new status back and sleeps until {@code nextReconcileAt} (here the loop
 * jumps the clock instead). Halfway through, the controller "restarts": a new reconciler resumes from the stored
 * JSON and nothing already measured is measured again.
 */
public final class ControllerLoopSample {
  private ControllerLoopSample() {}

  /**
   * Runs the loop.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    System.out.println(run().status().phase().wireName());
  }

  /**
   * Runs the sample's loop and returns the completed run.
   *
   * @return the run
   */
  public static AnalysisRun run() {
    Map<String, String> store = new HashMap<>();
    AnalysisRun created = AnalysisRuns.fromTemplates(ObjectMeta.of("checkout-error-rate", "shop"),
        List.of(CanaryTemplates.load(CanaryTemplates.ERROR_RATE)),
        List.of(Argument.of("service-name", "checkout"), Argument.of("namespace", "shop"),
            Argument.of("canary-hash", "c4n4ry"), Argument.of("stable-hash", "st4bl3")));
    store.put("shop/checkout-error-rate", Manifests.writeJson(created));

    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    Reconciler reconciler = newReconciler();
    for (int pass = 0; pass < 100; pass++) {
      AnalysisRun run = Manifests.read(store.get("shop/checkout-error-rate"), AnalysisRun.class);
      if (run.status().phase().isCompleted()) {
        return run;
      }
      if (pass == 3) {
        reconciler = newReconciler(); // the controller restarted: only the stored JSON survives
      }
      ReconcileResult result = reconciler.reconcile(run, now);
      store.put("shop/checkout-error-rate", Manifests.writeJson(result.run()));
      System.out.printf("pass %d at %s: %s, %d measurements%n", pass, now, result.run().status().phase().wireName(),
          result.measurements().size());
      // Argo takes a measurement only once now is strictly after its due time, so wake just after it
      now = result.next().map(t -> t.plusMillis(1)).orElse(now.plusSeconds(10));
    }
    throw new IllegalStateException("the run did not complete in 100 passes");
  }

  private static Reconciler newReconciler() {
    // A stand-in for Prometheus that answers like a healthy canary; use PrometheusMetricProvider in real life.
    MetricProvider prometheus = ScriptedProvider.builder("prometheus")
        .script("error-rate", ScriptStep.value(List.of(0.01)))
        .script("success-rate", ScriptStep.value(List.of(0.99)))
        .build();
    // error-rate-vs-stable's judge reads 5xx and request counts: 10 of 1,000 per look on both sides. Its running
    // totals live in the measurements' metadata, so they survive the restart with the stored JSON.
    MetricProvider counts = new MetricProvider() {
      @Override
      public String type() {
        return "prometheus";
      }

      @Override
      public ProviderResult run(MeasurementContext context) {
        boolean errors = context.metric().provider().prometheus().query().contains("=~\"5..\"");
        return ProviderResult.observed(List.of(errors ? 10.0 : 1000.0), errors ? "10" : "1000");
      }
    };
    return Reconciler.builder().provider(prometheus).provider(JudgeMetricProvider.delegatingTo(counts)).build();
  }
}
