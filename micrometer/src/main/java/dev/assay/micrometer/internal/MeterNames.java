/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

/**
 * The meter names for one pair of prefixes. Names are written the way the Prometheus registry exports them: words
 * joined by underscores; a gauge ending in {@code .info} becomes a Prometheus info metric ({@code ..._info}, value 1);
 * counters get {@code _total} and timers {@code _seconds} from the registry's naming convention (docs/observability.md
 * has the exported names).
 *
 * @param prefix the prefix of analysis-run metrics, for example {@code ""} (Argo's own names) or
 *     {@code "argo_rollouts_"}
 * @param rolloutPrefix the prefix of plan metrics, for example {@code "rollout_"} (Argo's {@code rollout_info}) or
 *     {@code "argo_rollouts_"} (the kube-state-metrics style {@code argo_rollouts_info})
 */
public record MeterNames(String prefix, String rolloutPrefix) {
  /** Argo's {@code analysis_run_info}: one series per run, labelled with its phase, value 1. */
  public String runInfo() {
    return prefix + "analysis_run.info";
  }

  /** Argo's {@code analysis_run_phase}: one series per run and phase, 1 for the current phase, else 0. */
  public String runPhase() {
    return prefix + "analysis_run_phase";
  }

  /** Argo's {@code analysis_run_metric_type}: one series per run and metric, value 1. */
  public String metricType() {
    return prefix + "analysis_run_metric_type";
  }

  /** Argo's {@code analysis_run_metric_phase}: one series per run, metric and phase. */
  public String metricPhase() {
    return prefix + "analysis_run_metric_phase";
  }

  /** Argo's {@code analysis_run_reconcile} histogram, seconds, Argo's buckets. */
  public String reconcile() {
    return prefix + "analysis_run_reconcile";
  }

  /** Argo's {@code analysis_run_reconcile_error} counter. */
  public String reconcileError() {
    return prefix + "analysis_run_reconcile_error";
  }

  /** When the run last called a provider (or started), seconds since the epoch by the engine clock. */
  public String lastTimestamp() {
    return prefix + "analysis_run_last_timestamp";
  }

  /** The shortest {@code interval} among the run's metrics, seconds. */
  public String interval() {
    return prefix + "analysis_run_measurement_interval_seconds";
  }

  /** Runs tracked and not completed. */
  public String runsActive() {
    return prefix + "analysis_runs_active";
  }

  /** Runs not tracked because the limit was reached. */
  public String runsUntracked() {
    return prefix + "analysis_runs_untracked";
  }

  /** Finished measurements by provider, metric and phase. */
  public String measurements() {
    return prefix + "analysis_measurements";
  }

  /** Provider call time by provider and metric. */
  public String measurementDuration() {
    return prefix + "analysis_measurement_duration";
  }

  /** How late evaluations started against their due time. */
  public String schedulingLag() {
    return prefix + "analysis_scheduling_lag";
  }

  /** Judge verdicts by metric and verdict. */
  public String judgeVerdicts() {
    return prefix + "analysis_judge_verdicts";
  }

  /** Argo's {@code rollout_info}, for a plan: labelled with the Rollout phase, value 1. */
  public String planInfo() {
    // The Prometheus registry exports a gauge named "x.info" as the info metric x_info; "x_info" would lose _info.
    String base = rolloutPrefix.endsWith("_") ? rolloutPrefix.substring(0, rolloutPrefix.length() - 1) : rolloutPrefix;
    return base + ".info";
  }

  /** The plan's current step, 0-based like Argo's {@code status.currentStepIndex}. */
  public String planStep() {
    return rolloutPrefix + "current_step";
  }

  /** The canary weight last set, percent. */
  public String planWeight() {
    return rolloutPrefix + "canary_weight";
  }

  /** 1 while the plan is paused, labelled with Argo's pause reason. */
  public String planPaused() {
    return rolloutPrefix + "paused";
  }
}
