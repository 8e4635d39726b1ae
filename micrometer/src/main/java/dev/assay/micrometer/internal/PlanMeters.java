/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanListener;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * A plan's series, modelled on Argo's {@code rollout_info}: the Rollout phase as a label (Progressing, Paused,
 * Healthy, Degraded), the current step, the canary weight, and while paused the pause reason in Argo's words
 * ({@code CanaryPauseStep} or {@code InconclusiveAnalysisRun}). Thread-safe.
 */
public final class PlanMeters implements PlanListener {
  /** Argo's pause reason for a pause step. */
  public static final String PAUSE_STEP = "CanaryPauseStep";
  /** Argo's pause reason after an Inconclusive analysis. */
  public static final String PAUSE_INCONCLUSIVE = "InconclusiveAnalysisRun";

  private final MeterRegistry registry;
  private final SwitchingGauge info;
  private final SwitchingGauge paused;
  private final List<Meter> meters;
  private volatile int step;
  private volatile int weight;
  private volatile boolean inconclusive;

  /**
   * Registers the step and weight gauges; the info series appears with the first event.
   *
   * @param registry where the meters go
   * @param names the meter names
   * @param namespace the plan's namespace label
   * @param name the plan's name label
   */
  public PlanMeters(MeterRegistry registry, MeterNames names, String namespace, String name) {
    this.registry = registry;
    Tags tags = Tags.of("namespace", namespace, "name", name);
    info = new SwitchingGauge(registry, names.planInfo(), "Information about rollout.",
        tags.and("strategy", "canary"), "phase");
    paused = new SwitchingGauge(registry, names.planPaused(), "1 while the plan is paused, with the reason", tags,
        "reason");
    meters = List.of(
        Gauge.builder(names.planStep(), this, m -> m.step).description("The current step, 0-based").tags(tags)
            .register(registry),
        Gauge.builder(names.planWeight(), this, m -> m.weight).description("The canary weight, percent")
            .tags(tags).register(registry));
  }

  @Override
  public void stepStarted(int index, CanaryStep step, PlanStatus status) {
    inconclusive = false;
    show(status);
  }

  @Override
  public void analysisCompleted(int index, AnalysisRun run) {
    inconclusive = run.status().phase() == AnalysisPhase.INCONCLUSIVE;
  }

  @Override
  public void phaseChanged(PlanStatus status) {
    show(status);
  }

  /** Removes every series of the plan. */
  public void remove() {
    info.clear();
    paused.clear();
    meters.forEach(registry::remove);
  }

  private void show(PlanStatus status) {
    step = status.stepIndex();
    weight = status.weight();
    info.set(rolloutPhase(status.phase()));
    if (status.phase() == PlanPhase.PAUSED) {
      paused.set(inconclusive ? PAUSE_INCONCLUSIVE : PAUSE_STEP);
    } else {
      paused.clear();
    }
  }

  /** The Argo Rollout phase ({@code status.phase}) a plan phase corresponds to. */
  static String rolloutPhase(PlanPhase phase) {
    switch (phase) {
      case PAUSED:
        return "Paused";
      case PROMOTED:
        return "Healthy";
      case ROLLED_BACK:
        return "Degraded";
      default:
        return "Progressing";
    }
  }
}
