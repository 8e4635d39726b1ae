/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/argo-semantics.md §2.14, step by step: count 3, interval 60s, success {@code result[0] > 0.9}; 0.95, an error, 0.5. */
class WorkedTimelineTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  static Metric metric(String name) {
    return Metric.builder(name).count(IntOrString.of(3)).interval("60s").successCondition("result[0] > 0.9")
        .provider(ProviderSpec.of(new PrometheusMetric("http://prom", "q", null, false, List.of(), null, null)))
        .build();
  }

  @Test
  void workedTimeline_oneMetric_failsInTheEvaluationOfTheThirdMeasurement() {
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus")
        .script("m", ScriptStep.value(List.of(0.95)), ScriptStep.error("connection refused"),
            ScriptStep.value(List.of(0.5)))
        .build();
    Reconciler reconciler = Reconciler.builder().provider(prometheus).build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("run", "ns"),
        new AnalysisRunSpec(List.of(metric("m")), List.of(), false, List.of(), List.of(), null));

    ReconcileResult r0 = reconciler.reconcile(run, T0);
    MetricResult m0 = r0.run().status().metricResult("m").orElseThrow();
    assertThat(r0.run().status().startedAt()).isEqualTo(T0);
    assertThat(m0.measurements()).hasSize(1);
    assertThat(m0.measurements().get(0).phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(m0.measurements().get(0).value()).isEqualTo("[0.95]");
    assertThat(List.of(m0.count(), m0.successful(), m0.error())).containsExactly(1, 1, 0);
    assertThat(m0.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(r0.run().status().phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(r0.nextReconcileAt()).isEqualTo(T0.plusSeconds(60));

    ReconcileResult atDue = reconciler.reconcile(r0.run(), T0.plusSeconds(60));
    assertThat(atDue.measurements()).as("strictly after the due time only").isEmpty();

    Instant t1 = T0.plusSeconds(60).plusMillis(1);
    ReconcileResult r1 = reconciler.reconcile(r0.run(), t1);
    MetricResult m1 = r1.run().status().metricResult("m").orElseThrow();
    assertThat(m1.lastMeasurement().orElseThrow().phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(m1.lastMeasurement().orElseThrow().message()).isEqualTo("connection refused");
    assertThat(List.of(m1.error(), m1.consecutiveError(), m1.count())).containsExactly(1, 1, 1);
    assertThat(m1.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(r1.nextReconcileAt()).as("errors retry after 10s").isEqualTo(t1.plusSeconds(10));

    Instant t2 = t1.plusSeconds(10).plusMillis(1);
    ReconcileResult r2 = reconciler.reconcile(r1.run(), t2);
    MetricResult m2 = r2.run().status().metricResult("m").orElseThrow();
    assertThat(m2.lastMeasurement().orElseThrow().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(List.of(m2.failed(), m2.count(), m2.consecutiveError())).containsExactly(1, 2, 0);
    assertThat(m2.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(r2.run().status().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(r2.run().status().message())
        .isEqualTo("Metric \"m\" assessed Failed due to failed (1) > failureLimit (0)");
    assertThat(r2.run().status().completedAt()).isEqualTo(t2);
    assertThat(r2.run().status().runSummary()).isEqualTo(new dev.assay.model.RunSummary(1, 0, 1, 0, 0));
    assertThat(r2.nextReconcileAt()).isNull();
    assertThat(prometheus.calls("m")).isEqualTo(3);
  }

  @Test
  void workedTimeline_withASecondRunningMetric_completesOneEvaluationLater() {
    ScriptedProvider prometheus = ScriptedProvider.builder("prometheus")
        .script("m", ScriptStep.value(List.of(0.95)), ScriptStep.error("connection refused"),
            ScriptStep.value(List.of(0.5)))
        .script("other", ScriptStep.value(List.of(0.99)))
        .build();
    Reconciler reconciler = Reconciler.builder().provider(prometheus).build();
    Metric other = metric("other").toBuilder().count(IntOrString.of(10)).interval("5m").build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("run", "ns"),
        new AnalysisRunSpec(List.of(metric("m"), other), List.of(), false, List.of(), List.of(), null));

    AnalysisRun r = reconciler.reconcile(run, T0).run();
    r = reconciler.reconcile(r, T0.plusSeconds(61)).run();
    ReconcileResult failing = reconciler.reconcile(r, T0.plusSeconds(72));
    assertThat(failing.run().status().metricResult("m").orElseThrow().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(failing.run().status().phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(failing.nextReconcileAt()).as("re-evaluate at once").isEqualTo(T0.plusSeconds(72));

    ReconcileResult done = reconciler.reconcile(failing.run(), T0.plusSeconds(72));
    assertThat(done.run().status().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(done.run().status().metricResult("other").orElseThrow().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(done.run().status().message())
        .isEqualTo("Metric \"m\" assessed Failed due to failed (1) > failureLimit (0)");
    assertThat(prometheus.calls("other")).isEqualTo(1);
  }
}
