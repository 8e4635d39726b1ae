/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.engine.AnalysisEngine;
import dev.assay.model.Argument;
import dev.assay.model.TemplateResource;
import dev.assay.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link PlanRunner} ({@link PlanRunner#builder()}). Not thread-safe.
 */
public final class PlanRunnerBuilder {
  @Nullable CanaryPlan plan;
  @Nullable AnalysisEngine engine;
  @Nullable TrafficRouter router;
  @Nullable Scheduler scheduler;
  final Map<String, TemplateResource> templates = new LinkedHashMap<>();
  final List<Argument> args = new ArrayList<>();
  String name = "canary";
  String namespace = "default";
  String stableHash = "";
  String canaryHash = "";
  PlanListener listener = PlanListener.NONE;
  boolean preflight = true;
  PlanStore store = PlanStore.NONE;
  Clock clock = Clock.systemUTC();
  @Nullable Executor splitExecutor;
  ReadinessCheck readinessCheck = ReadinessCheck.ALWAYS_READY;
  Duration progressDeadline = ReadinessGate.DEFAULT_DEADLINE;
  boolean abortOnDeadline;
  Duration readinessPollInterval = ReadinessGate.DEFAULT_POLL_INTERVAL;
  RevisionHistory revisions = RevisionHistory.NONE;
  int rollbackWindow;

  PlanRunnerBuilder() {}

  /**
   * Where {@link CanaryStep.VerifySplit} checks run: they wait for real HTTP responses, so not on the scheduler.
   * Default: a small pool of daemon threads shared by every runner.
   *
   * @param executor the executor
   * @return this builder
   */
  public PlanRunnerBuilder splitExecutor(Executor executor) {
    this.splitExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * The revisions the plan rolls out: its canary is walked through the steps over its stable, and
   * {@link PlanRunner#undo()} goes back among them (the router must implement {@link TrafficRouter#setRevisions}).
   * Their pod-template hashes replace {@link #podTemplateHashes} for step arguments. Default
   * {@link RevisionHistory#NONE}: no undo. A state given to {@link PlanRunner#resume} with revisions replaces
   * these. See {@code docs/revisions.md}.
   *
   * @param history the history; with revisions it must have a canary when the plan is started
   * @return this builder
   */
  public PlanRunnerBuilder revisions(RevisionHistory history) {
    this.revisions = Objects.requireNonNull(history, "history");
    return this;
  }

  /**
   * Argo's {@code rollbackWindow.revisions}: {@link PlanRunner#undo()} to an older revision with fewer than this many
   * revisions between it and the stable skips the steps. Default 0: only going back to the stable skips them.
   *
   * @param revisionsBack the window, 0 or more
   * @return this builder
   * @throws IllegalArgumentException when negative
   */
  public PlanRunnerBuilder rollbackWindow(int revisionsBack) {
    if (revisionsBack < 0) {
      throw new IllegalArgumentException("rollbackWindow must not be negative, but was " + revisionsBack);
    }
    this.rollbackWindow = revisionsBack;
    return this;
  }

  /**
   * Where the runner saves its state at every step boundary and change (for {@link PlanRunner#resume}). Default
   * {@link PlanStore#NONE}.
   *
   * @param planStore the store
   * @return this builder
   */
  public PlanRunnerBuilder store(PlanStore planStore) {
    this.store = Objects.requireNonNull(planStore, "planStore");
    return this;
  }

  /**
   * The clock saved states are stamped with and timed pauses are measured on across a restart: the engine's, so
   * that both share one notion of time (a {@code ManualClock} in tests). Default: the system UTC clock.
   *
   * @param value the clock
   * @return this builder
   */
  public PlanRunnerBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * The plan to walk (required).
   *
   * @param plan the plan
   * @return this builder
   */
  public PlanRunnerBuilder plan(CanaryPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
    return this;
  }

  /**
   * The engine that runs the analyses (required; the caller closes it).
   *
   * @param engine the engine
   * @return this builder
   */
  public PlanRunnerBuilder engine(AnalysisEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    return this;
  }

  /**
   * Where weights are set (required).
   *
   * @param router the router
   * @return this builder
   */
  public PlanRunnerBuilder router(TrafficRouter router) {
    this.router = Objects.requireNonNull(router, "router");
    return this;
  }

  /**
   * The scheduler that times pauses (required): the engine's, so that both share one notion of time.
   *
   * @param scheduler the scheduler
   * @return this builder
   */
  public PlanRunnerBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Adds templates, found by {@code metadata.name} from analysis steps.
   *
   * @param resources the templates
   * @return this builder
   */
  public PlanRunnerBuilder templates(List<? extends TemplateResource> resources) {
    for (TemplateResource t : resources) {
      templates.put(t.metadata().name(), t);
    }
    return this;
  }

  /**
   * Arguments given to every analysis (templates drop the ones they do not declare); step arguments win.
   *
   * @param arguments the arguments
   * @return this builder
   */
  public PlanRunnerBuilder args(List<Argument> arguments) {
    args.addAll(arguments);
    return this;
  }

  /**
   * The name (analysis runs are named {@code <name>-<n>-<templates>}) and namespace of the runs. Defaults
   * {@code canary} and {@code default}.
   *
   * @param runName the name prefix
   * @param runNamespace the namespace
   * @return this builder
   */
  public PlanRunnerBuilder name(String runName, String runNamespace) {
    this.name = Objects.requireNonNull(runName, "runName");
    this.namespace = Objects.requireNonNull(runNamespace, "runNamespace");
    return this;
  }

  /**
   * The pod-template hashes that step arguments with {@code podTemplateHashValue} {@code Stable} and
   * {@code Latest} receive. Default empty.
   *
   * @param stable the stable hash
   * @param canary the canary (latest) hash
   * @return this builder
   */
  public PlanRunnerBuilder podTemplateHashes(String stable, String canary) {
    this.stableHash = Objects.requireNonNull(stable, "stable");
    this.canaryHash = Objects.requireNonNull(canary, "canary");
    return this;
  }

  /**
   * Progress callbacks. Default {@link PlanListener#NONE}.
   *
   * @param planListener the listener
   * @return this builder
   */
  public PlanRunnerBuilder listener(PlanListener planListener) {
    this.listener = Objects.requireNonNull(planListener, "planListener");
    return this;
  }

  /**
   * Whether each analysis checks its metrics before the first measurement (the Prometheus query parses and the
   * server answers, ...), so that a broken metric rolls back at once instead of after its error retries. Default
   * true. See {@code docs/preflight.md}.
   *
   * @param enabled whether analyses run pre-flight checks
   * @return this builder
   */
  public PlanRunnerBuilder preflight(boolean enabled) {
    this.preflight = enabled;
    return this;
  }

  /**
   * Whether the canary's pods are Ready: after every {@code setWeight} step with a weight above 0 (and when a
   * progressing plan is resumed, after its weight is set again) the runner asks the check, and while it is not
   * Ready polls it every {@linkplain #readinessPollInterval poll interval} before it goes on to the next step, as
   * Argo Rollouts waits for an available canary. A check that throws counts as not Ready. Default
   * {@link ReadinessCheck#ALWAYS_READY} (no waiting). See {@code docs/readiness.md}.
   *
   * @param check the check
   * @return this builder
   */
  public PlanRunnerBuilder readiness(ReadinessCheck check) {
    this.readinessCheck = Objects.requireNonNull(check, "check");
    return this;
  }

  /**
   * How long the runner waits for a Ready canary after setting a weight, and what it does when the canary is still
   * not Ready then: Argo's {@code progressDeadlineSeconds} and {@code progressDeadlineAbort}. With
   * {@code abortOnDeadline} the plan rolls back (weight 0, {@code ROLLED_BACK}, the message names the pods and their
   * reasons); without it the plan stays {@code PROGRESSING} with a {@code ProgressDeadlineExceeded} message and goes
   * on as soon as the canary is Ready. Defaults: 600 seconds, false (Argo's defaults).
   *
   * @param deadline how long to wait, positive
   * @param abortOnDeadline whether to roll back when the deadline passes
   * @return this builder
   */
  public PlanRunnerBuilder progressDeadline(Duration deadline, boolean abortOnDeadline) {
    this.progressDeadline = ReadinessGate.validDeadline(deadline);
    this.abortOnDeadline = abortOnDeadline;
    return this;
  }

  /**
   * How often the runner asks the {@linkplain #readiness readiness check} while the canary is not Ready. Default 5
   * seconds.
   *
   * @param interval the interval, at least 1 second
   * @return this builder
   */
  public PlanRunnerBuilder readinessPollInterval(Duration interval) {
    this.readinessPollInterval = ReadinessGate.validPollInterval(interval);
    return this;
  }

  /**
   * Builds the runner; it does nothing until {@link PlanRunner#start()}.
   *
   * @return the runner
   * @throws NullPointerException naming a missing required field
   * @throws IllegalArgumentException when the plan uses a template that was not added
   * @throws PlanException when an analysis step fails Argo's reference checks ({@link RolloutChecks}): a metric
   *     that runs indefinitely, or an argument a template needs that neither the step nor {@link #args} gives; or
   *     when the plan has a header or mirror route step and the router does not
   *     {@linkplain TrafficRouter#supportsManagedRoutes() support managed routes}
   */
  public PlanRunner build() {
    return new PlanRunner(this);
  }
}
