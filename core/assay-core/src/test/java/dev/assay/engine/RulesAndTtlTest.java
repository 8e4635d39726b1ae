/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static dev.assay.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.TtlStrategy;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dry-run and retention rules and the TTL through the reconcile step. */
class RulesAndTtlTest {
  private static AnalysisRun run(List<DryRun> dry, List<MeasurementRetention> retention, TtlStrategy ttl) {
    Metric gate = EngineFixtures.prometheusMetric("gate").interval("1m").count(6).successCondition("result > 0.5")
        .build();
    Metric shadow = EngineFixtures.prometheusMetric("shadow").interval("1m").count(6)
        .successCondition("result > 0.5").build();
    return AnalysisRun.of(dev.assay.model.ObjectMeta.of("r", "ns"),
        new AnalysisRunSpec(List.of(gate, shadow), List.of(), false, dry, retention, ttl));
  }

  private static AnalysisRun drive(Reconciler reconciler, AnalysisRun run, int evaluations) {
    AnalysisRun current = run;
    for (int i = 0; i < evaluations; i++) {
      current = reconciler.reconcile(current, T0.plusSeconds(61L * i)).run();
    }
    return current;
  }

  @Test
  void dryRunMetric_thatFails_neitherTerminatesNorFailsTheRun_andRetentionRuleTrims() {
    ScriptedProvider p = ScriptedProvider.builder("prometheus")
        .script("gate", ScriptStep.value(1.0))
        .script("shadow", ScriptStep.value(1.0), ScriptStep.value(0.1))
        .build();
    Reconciler reconciler = Reconciler.builder().provider(p).build();
    AnalysisRun done = drive(reconciler, run(List.of(new DryRun("^shad")),
        List.of(new MeasurementRetention("gate", 2)), null), 6);

    MetricResult shadow = done.status().metricResult("shadow").orElseThrow();
    assertThat(shadow.dryRun()).isTrue();
    assertThat(shadow.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(shadow.message()).isEqualTo("Metric assessed Failed due to failed (1) > failureLimit (0)");
    MetricResult gate = done.status().metricResult("gate").orElseThrow();
    assertThat(gate.count()).isEqualTo(6);
    assertThat(gate.measurements()).as("retention rule limit 2").hasSize(2);
    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(done.status().dryRunSummary()).isEqualTo(new dev.assay.model.RunSummary(1, 0, 1, 0, 0));
    assertThat(done.status().runSummary()).isEqualTo(new dev.assay.model.RunSummary(1, 1, 0, 0, 0));
  }

  @Test
  void ruleMatchingNoMetric_makesTheRunErrorWithArgosMessage() {
    Reconciler reconciler = Reconciler.builder().build();
    AnalysisRun after = reconciler.reconcile(run(List.of(), List.of(new MeasurementRetention("nothing", 3)), null),
        T0).run();

    assertThat(after.status().phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(after.status().message())
        .isEqualTo("Analysis spec invalid: measurementRetention[0]: Rule didn't match any metric name(s)");
  }

  @Test
  void ttl_expiresStrictlyAfterTheSecondsAfterSuccess() {
    ScriptedProvider p = ScriptedProvider.builder("prometheus").scriptForAnyMetric(ScriptStep.value(1.0)).build();
    Reconciler reconciler = Reconciler.builder().provider(p).build();
    AnalysisRun done = drive(reconciler, run(List.of(), List.of(), new TtlStrategy(600, 5, 60)), 6);
    Instant completedAt = done.status().completedAt();
    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);

    ReconcileResult at60 = reconciler.reconcile(done, completedAt.plusSeconds(60).plusMillis(999));
    assertThat(at60.ttlExpired()).isFalse();
    assertThat(at60.nextReconcileAt()).isEqualTo(completedAt.plusSeconds(61));
    assertThat(reconciler.reconcile(done, completedAt.plusSeconds(61)).ttlExpired()).isTrue();
    assertThat(reconciler.reconcile(done, completedAt.plusSeconds(61)).run()).isEqualTo(done);
  }
}
