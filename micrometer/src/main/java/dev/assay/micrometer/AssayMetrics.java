/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import dev.assay.engine.AnalysisListener;
import dev.assay.micrometer.internal.MeterNames;
import dev.assay.micrometer.internal.PlanMeters;
import dev.assay.micrometer.internal.RunTable;
import dev.assay.plan.PlanListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Exports analysis runs and canary plans to a Micrometer {@link MeterRegistry} with Argo Rollouts' metric names,
 * labels and values ({@code analysis_run_info}, {@code analysis_run_phase}, {@code analysis_run_metric_phase},
 * {@code analysis_run_metric_type}, {@code analysis_run_reconcile}, {@code rollout_info}) plus what on-call people
 * need and Argo lacks: the last measurement time per run, measurements and provider call time per provider and
 * metric, active runs, scheduling lag and judge verdicts. The full table is in docs/observability.md.
 *
 * <pre>{@code
 * AssayMetrics metrics = AssayMetrics.builder(registry).prefix("argo_rollouts_").build();
 * AnalysisEngine engine = AnalysisEngine.builder().listener(metrics.analysisListener()).build();
 * PlanRunner plan = PlanRunner.builder()...listener(metrics.planListener("shop", "checkout")).build();
 * }</pre>
 *
 * <p>Cardinality is bounded: a run's series are removed {@link Builder#completedRunRetention} after it completes
 * (engine clock, checked as the engine works), and at most {@link Builder#maxRuns} runs have series; beyond that the
 * oldest completed run makes room, or the new run gets none, counted in {@code analysis_runs_untracked_total} with
 * one WARN log line. Run-independent series are labelled by provider and metric name only. Thread-safe.
 */
public final class AssayMetrics {
  private final MeterRegistry registry;
  private final MeterNames names;
  private final RunTable runs;
  private final Map<String, PlanMeters> plans = new ConcurrentHashMap<>();

  private AssayMetrics(Builder b) {
    this.registry = b.registry;
    this.names = new MeterNames(b.prefix, b.rolloutPrefix != null ? b.rolloutPrefix : b.prefix + "rollout_");
    this.runs = new RunTable(registry, names, b.maxRuns, b.completedRunRetention);
  }

  /**
   * Starts configuring metrics for a registry.
   *
   * @param registry where the meters go, for example a {@code PrometheusMeterRegistry}
   * @return a builder
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * The listener to add to the engine: {@code AnalysisEngine.builder().listener(metrics.analysisListener())}. One
   * listener may serve several engines, as long as their runs' namespace/name pairs differ.
   *
   * @return the engine listener
   */
  public AnalysisListener analysisListener() {
    return runs;
  }

  /**
   * The listener to give one plan's runner ({@code PlanRunner.builder().listener(...)}); its series carry these
   * labels. Calling again with the same labels replaces the earlier plan's series.
   *
   * @param namespace the {@code namespace} label, usually the runner's namespace
   * @param name the {@code name} label, usually the runner's (rollout) name
   * @return the plan listener
   */
  public PlanListener planListener(String namespace, String name) {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    PlanMeters meters = new PlanMeters(registry, names, namespace, name);
    PlanMeters earlier = plans.put(namespace + '/' + name, meters);
    if (earlier != null && earlier != meters) {
      earlier.remove();
    }
    return meters;
  }

  /**
   * Removes a plan's series, for a plan that is over and no longer interesting.
   *
   * @param namespace the plan's namespace label
   * @param name the plan's name label
   */
  public void forgetPlan(String namespace, String name) {
    PlanMeters meters = plans.remove(namespace + '/' + name);
    if (meters != null) {
      meters.remove();
    }
  }

  /** Removes every per-run and per-plan series; the run-independent series stay. */
  public void clear() {
    runs.clear();
    plans.values().forEach(PlanMeters::remove);
    plans.clear();
  }

  /** Configures {@link AssayMetrics}. Not thread-safe. */
  public static final class Builder {
    /** Default {@link #maxRuns(int)}. */
    public static final int DEFAULT_MAX_RUNS = 1000;
    /** Default {@link #completedRunRetention(Duration)}. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

    private final MeterRegistry registry;
    private String prefix = "";
    private @Nullable String rolloutPrefix;
    private int maxRuns = DEFAULT_MAX_RUNS;
    private Duration completedRunRetention = DEFAULT_RETENTION;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Prefixes every analysis metric name. Default {@code ""}: Argo's own names ({@code analysis_run_info}); with
     * {@code "argo_rollouts_"} they read {@code argo_rollouts_analysis_run_info}. Also the default of
     * {@link #rolloutPrefix(String)}.
     *
     * @param namePrefix letters, digits and underscores, empty or starting with a letter
     * @return this builder
     */
    public Builder prefix(String namePrefix) {
      this.prefix = checkPrefix(namePrefix);
      return this;
    }

    /**
     * Prefixes the plan metrics ({@code info}, {@code current_step}, {@code canary_weight}, {@code paused}).
     * Default: {@link #prefix(String)} followed by {@code rollout_}, giving Argo's {@code rollout_info}; with
     * {@code "argo_rollouts_"} the plan's info series is {@code argo_rollouts_info}, as kube-state-metrics style
     * dashboards expect.
     *
     * @param namePrefix letters, digits and underscores, starting with a letter
     * @return this builder
     */
    public Builder rolloutPrefix(String namePrefix) {
      String p = checkPrefix(namePrefix);
      if (p.isEmpty()) {
        throw new IllegalArgumentException("rolloutPrefix must not be empty: the plan's series would be named 'info'");
      }
      this.rolloutPrefix = p;
      return this;
    }

    /**
     * How many runs may have per-run series at once. Default {@value #DEFAULT_MAX_RUNS}.
     *
     * @param runs at least 1
     * @return this builder
     */
    public Builder maxRuns(int runs) {
      if (runs < 1) {
        throw new IllegalArgumentException("maxRuns must be >= 1, but was " + runs);
      }
      this.maxRuns = runs;
      return this;
    }

    /**
     * How long a completed run keeps its series, by the engine clock, so that a scrape and an alert see the final
     * phase. Default 10 minutes; zero removes them at the next engine activity.
     *
     * @param retention zero or positive
     * @return this builder
     */
    public Builder completedRunRetention(Duration retention) {
      if (retention.isNegative()) {
        throw new IllegalArgumentException("completedRunRetention must be >= 0, but was " + retention);
      }
      this.completedRunRetention = retention;
      return this;
    }

    /**
     * Registers the run-independent meters and returns the binder.
     *
     * @return the binder
     */
    public AssayMetrics build() {
      return new AssayMetrics(this);
    }

    private static String checkPrefix(String p) {
      Objects.requireNonNull(p, "prefix");
      if (!p.matches("([A-Za-z][A-Za-z0-9_]*)?")) {
        throw new IllegalArgumentException("prefix \"" + p + "\" must be empty or letters, digits and underscores "
            + "starting with a letter, for example \"argo_rollouts_\"");
      }
      return p;
    }
  }
}
