/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateResource;
import dev.assay.plan.split.SplitOutcome;
import dev.assay.plan.split.SplitVerdict;
import dev.assay.plan.split.SplitVerifier;
import dev.assay.plan.split.internal.SharedSplitPool;
import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a {@link CanaryPlan} the way an Argo Rollout walks its canary steps: {@code setWeight} calls the
 * {@link TrafficRouter}; a timed pause waits on the {@link Scheduler}; an indefinite pause waits for
 * {@link #promote()}; an analysis step runs its templates on the {@link AnalysisEngine} and reacts to the run's
 * phase: Successful continues, Inconclusive pauses, Failed or Error rolls back (weight 0). After the last step the
 * canary gets 100% and the plan is promoted.
 *
 * <p>Time comes only from the scheduler (and the engine's clock), so with the test kit's {@code ManualScheduler}
 * shared by the runner and the engine, a 60-minute plan runs in milliseconds. Thread-safe: control methods may be
 * called from any thread; a method called in a state where it makes no sense throws {@link IllegalStateException}.
 *
 * <p><b>Restarts.</b> With a {@link PlanStore} the runner saves a {@link PlanState} at every step boundary and state
 * change; {@link #resume} continues a new runner from the last one saved, with its analysis in progress continued
 * from the engine's saved status (see {@code docs/controller.md}).
 */
public final class PlanRunner {
  private static final Logger logger = LoggerFactory.getLogger(PlanRunner.class);

  private final CanaryPlan plan;
  private final AnalysisEngine engine;
  private final TrafficRouter router;
  private final Scheduler scheduler;
  private final Map<String, TemplateResource> templates;
  private final List<Argument> args;
  private final String name;
  private final String namespace;
  private final String stableHash;
  private final String canaryHash;
  private final PlanListener listener;
  private final boolean preflight;
  private final PlanStore store;
  private final Clock clock;
  private final @Nullable Executor splitExecutor;
  private @Nullable SplitVerifier splitVerifier;
  private @Nullable CompletableFuture<SplitVerdict> pendingSplit;

  private PlanPhase phase = PlanPhase.NOT_STARTED;
  private int index;
  private int weight;
  private String message = "";
  private final List<AnalysisRun> analyses = new ArrayList<>();
  private long generation;
  private int runCounter;
  private @Nullable Cancellable pendingPause;
  private @Nullable AnalysisHandle pendingAnalysis;
  private boolean lastPauseWasInconclusive;
  private @Nullable Instant pauseEndsAt;

  private PlanRunner(Builder b) {
    this.plan = Objects.requireNonNull(b.plan, "plan");
    this.engine = Objects.requireNonNull(b.engine, "engine");
    this.router = Objects.requireNonNull(b.router, "router");
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.templates = Map.copyOf(b.templates);
    this.args = List.copyOf(b.args);
    this.name = b.name;
    this.namespace = b.namespace;
    this.stableHash = b.stableHash;
    this.canaryHash = b.canaryHash;
    this.listener = b.listener;
    this.preflight = b.preflight;
    this.store = b.store;
    this.clock = b.clock;
    this.splitExecutor = b.splitExecutor;
    Set<String> planArgs = new HashSet<>();
    args.forEach(a -> planArgs.add(a.name()));
    for (int i = 0; i < plan.steps().size(); i++) {
      CanaryStep s = plan.steps().get(i);
      if (s instanceof CanaryStep.Analysis) {
        CanaryStep.Analysis analysis = (CanaryStep.Analysis) s;
        for (String t : analysis.templateNames()) {
          if (!templates.containsKey(t)) {
            throw new IllegalArgumentException("the plan uses template " + t + ", which was not given to the builder");
          }
        }
        Set<String> supplied = new HashSet<>(planArgs);
        analysis.args().forEach(a -> supplied.add(a.name()));
        List<RolloutProblem> problems = RolloutChecks.analysisStep("steps[" + i + "].analysis", analysis, templates,
            supplied);
        if (!problems.isEmpty()) {
          throw new PlanException(problems.get(0).describe());
        }
      }
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts walking the plan from its first step.
   *
   * @throws IllegalStateException when already started
   */
  public synchronized void start() {
    if (phase != PlanPhase.NOT_STARTED) {
      throw new IllegalStateException("the plan was already started; phase is " + phase);
    }
    phase = PlanPhase.PROGRESSING;
    advance();
    persist();
  }

  /**
   * Continues a plan from a saved state, as after a restart: a timed pause waits for the rest of its time, an
   * analysis in progress continues from the newest status the engine saved (or the one in the state when
   * {@code savedRuns} has none), and a plan saved between steps goes on with the step it was at (a step is done
   * again when the runner stopped inside it: setting a weight twice is harmless). The canary weight is set to the
   * saved one again before a progressing plan continues, in case the router lost it. A paused, promoted or rolled
   * back plan stays as it was.
   *
   * @param saved the last saved state
   * @param savedRuns the newest saved status of an analysis run, by run name (the engine's {@code StatusStore})
   * @throws IllegalStateException when this runner was already started or resumed
   */
  public synchronized void resume(PlanState saved, Function<String, Optional<AnalysisRun>> savedRuns) {
    Objects.requireNonNull(saved, "saved");
    Objects.requireNonNull(savedRuns, "savedRuns");
    if (phase != PlanPhase.NOT_STARTED) {
      throw new IllegalStateException("resume needs a new runner; phase is " + phase);
    }
    if (saved.phase() == PlanPhase.NOT_STARTED) {
      start();
      return;
    }
    phase = saved.phase();
    index = saved.stepIndex();
    weight = saved.weight();
    message = saved.message();
    analyses.addAll(saved.analyses());
    runCounter = saved.runCounter();
    lastPauseWasInconclusive = saved.pausedOnInconclusive();
    logger.info("Plan {} resumed at step {} ({}, {}%)", name, step(index), phase, weight);
    if (phase == PlanPhase.PROGRESSING) {
      if (weight > 0 && !setWeightOrRollBack(weight)) {
        persist();
        return;
      }
      AnalysisRun inFlight = saved.analysisInFlight();
      if (inFlight != null) {
        AnalysisRun newest = savedRuns.apply(inFlight.metadata().name()).orElse(inFlight);
        watchAnalysis(engine.start(newest), index);
      } else if (saved.pauseEndsAt() != null) {
        Instant ends = saved.pauseEndsAt();
        Duration left = Duration.between(clock.instant(), ends);
        pauseEndsAt = ends;
        long gen = generation;
        pendingPause = scheduler.schedule(() -> pauseEnded(gen), left.isNegative() ? Duration.ZERO : left);
      } else {
        advance();
      }
    }
    persist();
  }

  /**
   * The state a {@link PlanStore} would save now.
   *
   * @return the state
   */
  public synchronized PlanState state() {
    return new PlanState(PlanState.FORMAT_VERSION, phase, index, weight, message, analyses, runCounter,
        lastPauseWasInconclusive, pendingPause != null ? pauseEndsAt : null,
        pendingAnalysis != null ? pendingAnalysis.run() : null, clock.instant());
  }

  /** Saves the state; called with the lock held after every change. */
  private void persist() {
    try {
      store.save(state());
    } catch (Exception e) {
      logger.warn("Saving plan {} failed; it is saved again at the next change: {}", name, e.toString());
    }
  }

  /**
   * A snapshot of the plan run.
   *
   * @return the status
   */
  public synchronized PlanStatus status() {
    return new PlanStatus(phase, index, weight, message, analyses);
  }

  /**
   * Continues past the current pause: an indefinite one, a timed one that has not ended, or the pause after an
   * Inconclusive analysis (that analysis counts as accepted). Like {@code kubectl argo rollouts promote}.
   *
   * @throws IllegalStateException when not paused or in a timed pause
   */
  public synchronized void promote() {
    boolean inTimedPause = phase == PlanPhase.PROGRESSING && pendingPause != null;
    if (phase != PlanPhase.PAUSED && !inTimedPause) {
      throw new IllegalStateException("promote needs a paused plan; phase is " + phase);
    }
    cancelPending();
    message = "promoted past step " + step(index);
    phase = PlanPhase.PROGRESSING;
    index++;
    advance();
    persist();
  }

  /**
   * Skips every remaining step and analysis and gives the canary 100% of traffic, like
   * {@code kubectl argo rollouts promote --full}.
   *
   * @throws IllegalStateException when the plan is done or not started
   */
  public synchronized void promoteFull() {
    requireActive("promoteFull");
    cancelPending();
    index = plan.steps().size();
    if (setWeightOrRollBack(100)) {
      finish(PlanPhase.PROMOTED, "fully promoted by request");
    }
    persist();
  }

  /**
   * Stops the plan: terminates a running analysis and sets the canary weight to 0.
   *
   * @throws IllegalStateException when the plan is done or not started
   */
  public synchronized void abort() {
    requireActive("abort");
    rollBack("aborted by request at step " + step(index));
    persist();
  }

  /**
   * After a rollback, starts the plan again from its first step (like {@code kubectl argo rollouts retry}); while
   * paused on an Inconclusive analysis, runs that analysis again.
   *
   * @throws IllegalStateException in any other state
   */
  public synchronized void retry() {
    if (phase == PlanPhase.ROLLED_BACK) {
      index = 0;
    } else if (phase != PlanPhase.PAUSED || !lastPauseWasInconclusive) {
      throw new IllegalStateException("retry needs a rolled-back plan or an Inconclusive analysis; phase is " + phase);
    }
    generation++;
    phase = PlanPhase.PROGRESSING;
    message = "retrying from step " + step(index);
    advance();
    persist();
  }

  /** Steps are numbered from 1 in messages, as people count them. */
  private String step(int i) {
    return (i + 1) + "/" + plan.steps().size();
  }

  private void requireActive(String what) {
    if (phase == PlanPhase.NOT_STARTED || phase.isDone()) {
      throw new IllegalStateException(what + " needs a running or paused plan; phase is " + phase);
    }
  }

  /** Runs steps until one has to wait. Called with the lock held. */
  private void advance() {
    while (phase == PlanPhase.PROGRESSING && index < plan.steps().size()) {
      persist();
      CanaryStep step = plan.steps().get(index);
      notifyStep(step);
      if (step instanceof CanaryStep.SetWeight) {
        if (!setWeightOrRollBack(((CanaryStep.SetWeight) step).percent())) {
          return;
        }
        index++;
      } else if (step instanceof CanaryStep.Pause) {
        CanaryStep.Pause pause = (CanaryStep.Pause) step;
        if (pause.duration() == null) {
          lastPauseWasInconclusive = false;
          pauseFor("paused at step " + step(index) + " until promote()");
          return;
        }
        long gen = generation;
        message = "paused for " + pause.duration() + " at " + weight + "%";
        pauseEndsAt = clock.instant().plus(pause.duration());
        pendingPause = scheduler.schedule(() -> pauseEnded(gen), pause.duration());
        return;
      } else if (step instanceof CanaryStep.VerifySplit) {
        startSplitCheck((CanaryStep.VerifySplit) step);
        return;
      } else {
        startAnalysis((CanaryStep.Analysis) step);
        return;
      }
    }
    if (phase == PlanPhase.PROGRESSING && (weight == 100 || setWeightOrRollBack(100))) {
      finish(PlanPhase.PROMOTED, "promoted: every step passed");
    }
  }

  private synchronized void pauseEnded(long gen) {
    if (gen != generation || phase != PlanPhase.PROGRESSING) {
      return;
    }
    pendingPause = null;
    index++;
    advance();
    persist();
  }

  private void startAnalysis(CanaryStep.Analysis step) {
    List<TemplateResource> ts = new ArrayList<>();
    for (String t : step.templateNames()) {
      ts.add(templates.get(t));
    }
    Map<String, Argument> merged = new LinkedHashMap<>();
    for (Argument a : args) {
      merged.put(a.name(), a);
    }
    for (CanaryStep.StepArgument a : step.args()) {
      String value = a.value() != null ? a.value() : "Stable".equals(a.podTemplateHashValue()) ? stableHash : canaryHash;
      merged.put(a.name(), Argument.of(a.name(), value));
    }
    String runName = name + "-" + (++runCounter) + "-" + String.join("-", step.templateNames());
    int at = index;
    message = "analysing " + step.templateNames() + " at " + weight + "%";
    AnalysisHandle handle;
    try {
      ObjectMeta meta = new ObjectMeta(runName, namespace, "", Map.of(),
          Map.of(Reconciler.PREFLIGHT_ANNOTATION, Boolean.toString(preflight)), Map.of());
      handle = engine.start(meta, ts, new ArrayList<>(merged.values()));
    } catch (RuntimeException e) {
      rollBack("rolled back at step " + step(at) + ": analysis " + step.templateNames() + " could not start: "
          + e.getMessage());
      return;
    }
    watchAnalysis(handle, at);
  }

  private void watchAnalysis(AnalysisHandle handle, int at) {
    long gen = generation;
    pendingAnalysis = handle;
    handle.completion().whenComplete((run, error) -> analysisDone(gen, at, run, error));
  }

  private synchronized void analysisDone(long gen, int at, @Nullable AnalysisRun run, @Nullable Throwable error) {
    if (gen != generation || phase != PlanPhase.PROGRESSING || at != index) {
      return;
    }
    pendingAnalysis = null;
    try {
      analysisCompleted(at, run, error);
    } finally {
      persist();
    }
  }

  private void analysisCompleted(int at, @Nullable AnalysisRun run, @Nullable Throwable error) {
    if (run == null) {
      rollBack("rolled back at step " + step(at) + ": analysis failed: " + (error == null ? "no run" : error.getMessage()));
      return;
    }
    analyses.add(run);
    try {
      listener.analysisCompleted(at, run);
    } catch (RuntimeException e) {
      logger.warn("PlanListener.analysisCompleted threw; ignored", e);
    }
    AnalysisPhase p = run.status().phase();
    if (p == AnalysisPhase.SUCCESSFUL) {
      index++;
      advance();
    } else if (p == AnalysisPhase.INCONCLUSIVE) {
      lastPauseWasInconclusive = true;
      pauseFor("paused at step " + step(at) + " (" + weight + "%): " + RunReport.explain(run));
    } else {
      rollBack("rolled back at step " + step(at) + " (" + weight + "%): " + RunReport.explain(run));
    }
  }

  /** Runs a split check at the current weight off the scheduler thread (docs/split-verification.md). */
  private void startSplitCheck(CanaryStep.VerifySplit step) {
    if (splitVerifier == null) {
      splitVerifier = SplitVerifier.create();
    }
    long gen = generation;
    int at = index;
    message = "verifying the traffic split at " + weight + "% (" + step.check().requests() + " requests to "
        + step.check().url() + ")";
    CompletableFuture<SplitVerdict> check = splitVerifier.verify(step.check(), weight,
        splitExecutor != null ? splitExecutor : SharedSplitPool.get());
    pendingSplit = check;
    check.whenComplete((verdict, error) -> splitDone(gen, at, verdict, error));
  }

  /** A split verdict: consistent continues, broken rolls back, inconclusive (or no verdict) pauses. */
  private synchronized void splitDone(long gen, int at, @Nullable SplitVerdict verdict, @Nullable Throwable error) {
    if (gen != generation || phase != PlanPhase.PROGRESSING || at != index) {
      return;
    }
    pendingSplit = null;
    try {
      if (verdict == null) {
        lastPauseWasInconclusive = true;
        pauseFor("paused at step " + step(at) + " (" + weight + "%): the split check did not finish: "
            + (error == null ? "no verdict" : error.toString()));
      } else if (verdict.outcome() == SplitOutcome.CONSISTENT) {
        message = verdict.message();
        logger.info("Plan {} step {}: {}", name, step(at), verdict.message());
        index++;
        advance();
      } else if (verdict.outcome() == SplitOutcome.BROKEN) {
        rollBack("rolled back at step " + step(at) + " (" + weight + "%): " + verdict.message());
      } else {
        lastPauseWasInconclusive = true;
        pauseFor("paused at step " + step(at) + " (" + weight + "%): " + verdict.message());
      }
    } finally {
      persist();
    }
  }

  private void pauseFor(String why) {
    message = why;
    phase = PlanPhase.PAUSED;
    logger.info("Plan {} paused: {}", name, why);
    notifyPhase();
  }

  private void rollBack(String why) {
    cancelPending();
    try {
      router.setWeight(0);
      weight = 0;
    } catch (Exception e) {
      why = why + "; setting weight 0 failed too: " + e.getMessage();
    }
    finish(PlanPhase.ROLLED_BACK, why);
  }

  private boolean setWeightOrRollBack(int percent) {
    try {
      router.setWeight(percent);
      weight = percent;
      return true;
    } catch (Exception e) {
      rollBack("rolled back at step " + step(index) + ": setting weight " + percent + "% failed: " + e.getMessage());
      return false;
    }
  }

  private void finish(PlanPhase done, String why) {
    phase = done;
    message = why;
    logger.info("Plan {} {}: {}", name, done, why);
    notifyPhase();
  }

  private void cancelPending() {
    generation++;
    if (pendingPause != null) {
      pendingPause.cancel();
      pendingPause = null;
    }
    if (pendingAnalysis != null) {
      pendingAnalysis.terminate();
      pendingAnalysis = null;
    }
    if (pendingSplit != null) {
      pendingSplit.cancel(false);
      pendingSplit = null;
    }
  }

  private void notifyStep(CanaryStep step) {
    try {
      listener.stepStarted(index, step, status());
    } catch (RuntimeException e) {
      logger.warn("PlanListener.stepStarted threw; ignored", e);
    }
  }

  private void notifyPhase() {
    try {
      listener.phaseChanged(status());
    } catch (RuntimeException e) {
      logger.warn("PlanListener.phaseChanged threw; ignored", e);
    }
  }

  /** Builds a {@link PlanRunner}. Not thread-safe. */
  public static final class Builder {
    private @Nullable CanaryPlan plan;
    private @Nullable AnalysisEngine engine;
    private @Nullable TrafficRouter router;
    private @Nullable Scheduler scheduler;
    private final Map<String, TemplateResource> templates = new LinkedHashMap<>();
    private final List<Argument> args = new ArrayList<>();
    private String name = "canary";
    private String namespace = "default";
    private String stableHash = "";
    private String canaryHash = "";
    private PlanListener listener = PlanListener.NONE;
    private boolean preflight = true;
    private PlanStore store = PlanStore.NONE;
    private Clock clock = Clock.systemUTC();
    private @Nullable Executor splitExecutor;

    private Builder() {}

    /**
     * Where {@link CanaryStep.VerifySplit} checks run: they wait for real HTTP responses, so not on the scheduler.
     * Default: a small pool of daemon threads shared by every runner.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder splitExecutor(Executor executor) {
      this.splitExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Where the runner saves its state at every step boundary and change (for {@link PlanRunner#resume}). Default
     * {@link PlanStore#NONE}.
     *
     * @param planStore the store
     * @return this builder
     */
    public Builder store(PlanStore planStore) {
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
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * The plan to walk (required).
     *
     * @param plan the plan
     * @return this builder
     */
    public Builder plan(CanaryPlan plan) {
      this.plan = Objects.requireNonNull(plan, "plan");
      return this;
    }

    /**
     * The engine that runs the analyses (required; the caller closes it).
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder engine(AnalysisEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Where weights are set (required).
     *
     * @param router the router
     * @return this builder
     */
    public Builder router(TrafficRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /**
     * The scheduler that times pauses (required): the engine's, so that both share one notion of time.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Adds templates, found by {@code metadata.name} from analysis steps.
     *
     * @param resources the templates
     * @return this builder
     */
    public Builder templates(List<? extends TemplateResource> resources) {
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
    public Builder args(List<Argument> arguments) {
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
    public Builder name(String runName, String runNamespace) {
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
    public Builder podTemplateHashes(String stable, String canary) {
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
    public Builder listener(PlanListener planListener) {
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
    public Builder preflight(boolean enabled) {
      this.preflight = enabled;
      return this;
    }

    /**
     * Builds the runner; it does nothing until {@link PlanRunner#start()}.
     *
     * @return the runner
     * @throws NullPointerException naming a missing required field
     * @throws IllegalArgumentException when the plan uses a template that was not added
     * @throws PlanException when an analysis step fails Argo's reference checks ({@link RolloutChecks}): a metric
     *     that runs indefinitely, or an argument a template needs that neither the step nor {@link #args} gives
     */
    public PlanRunner build() {
      return new PlanRunner(this);
    }
  }
}
