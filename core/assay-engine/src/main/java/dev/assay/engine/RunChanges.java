/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one reconcile step changed, as the {@link AnalysisListener} calls it implies: for code that drives a
 * {@link Reconciler} itself, such as a Kubernetes controller, so that its listeners (metrics, logs) see what an
 * {@link AnalysisEngine}'s listeners see. The engine makes these calls for its own runs. Stateless and thread-safe.
 */
public final class RunChanges {
  private RunChanges() {}

  /**
   * A metric whose phase changed in one step.
   *
   * @param result the metric's result after the step (its name, new phase and Argo's message)
   * @param from the phase before the step, {@link AnalysisPhase#NONE} for a metric that had no result
   */
  public record MetricPhaseChange(MetricResult result, AnalysisPhase from) {
    /**
     * Validates.
     *
     * @param result the metric's result after the step (its name, new phase and Argo's message)
     * @param from the phase before the step, {@link AnalysisPhase#NONE} for a metric that had no result
     */
    public MetricPhaseChange {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(from, "from");
    }
  }

  /**
   * The metrics whose phase differs between two statuses of a run, in the order of {@code after}'s results.
   *
   * @param before the run before the step
   * @param after the run after the step
   * @return the changes, possibly empty
   */
  public static List<MetricPhaseChange> metricPhases(AnalysisRun before, AnalysisRun after) {
    List<MetricPhaseChange> changes = new ArrayList<>();
    for (MetricResult r : after.status().metricResults()) {
      AnalysisPhase was = before.status().metricResult(r.name()).map(MetricResult::phase).orElse(AnalysisPhase.NONE);
      if (was != r.phase()) {
        changes.add(new MetricPhaseChange(r, was));
      }
    }
    return changes;
  }

  /**
   * Tells a listener what a step changed, in the engine's order: each measurement taken
   * ({@link AnalysisListener#onMeasurementTaken}), then each metric phase change
   * ({@link AnalysisListener#onMetricPhaseChanged}). The caller adds {@code onStatusPersisted},
   * {@code onEvaluated} and {@code onRunCompleted} where its own flow has them.
   *
   * @param listener the listener; what it throws reaches the caller
   * @param before the run given to the reconcile
   * @param result what the reconcile returned
   */
  public static void publish(AnalysisListener listener, AnalysisRun before, ReconcileResult result) {
    AnalysisRun after = result.run();
    result.measurements().forEach((metric, m) -> listener.onMeasurementTaken(after, metric, m));
    for (MetricPhaseChange c : metricPhases(before, after)) {
      listener.onMetricPhaseChanged(after, c.result().name(), c.from(), c.result().phase());
    }
  }
}
