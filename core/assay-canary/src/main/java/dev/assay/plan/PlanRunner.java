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
 * canary gets 100% and the plan is promoted. {@code setHeaderRoute} and {@code setMirrorRoute} steps call the
 * router's route methods and continue; the router's managed routes are removed on promotion and rollback (see
 * {@code docs/routes.md}).
 *
 * <p>Time comes only from the scheduler (and the engine's clock), so with the test kit's {@code ManualScheduler}
 * shared by the runner and the engine, a 60-minute plan runs in milliseconds. Thread-safe: control methods may be
 * called from any thread; a method called in a state where it makes no sense throws {@link IllegalStateException}.
 *
 * <p><b>Restarts.</b> With a {@link PlanStore} the runner saves a {@link PlanState} at every step boundary and state
 * change; {@link #resume} continues a new runner from the last one saved, with its analysis in progress continued
 * from the engine's saved status (see {@code docs/controller.md}).
 *
 * <p><b>Readiness.</b> With a {@link ReadinessCheck} the runner goes past a {@code setWeight} step only once the
 * canary is Ready, within a progress deadline, as Argo's {@code progressDeadlineSeconds} and
 * {@code progressDeadlineAbort} (see {@code docs/readiness.md}).
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
  /** Whether the plan has header or mirror route steps: only then are managed routes removed (docs/routes.md). */
  private final boolean managesRoutes;
  private final boolean preflight;
  private final PlanStore store;
  private final Clock clock;
  private final @Nullable Executor splitExecutor;
  private @Nullable SplitVerifier splitVerifier;
  private @Nullable CompletableFuture<SplitVerdict> pendingSplit;
  private final int rollbackWindow;

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
  private final ReadinessGate readiness;
  private ReadinessGate.@Nullable Wait readinessWait;
  private RevisionHistory revisions;

  PlanRunner(PlanRunnerBuilder b) {
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
    this.readiness = new ReadinessGate(b.readinessCheck, b.progressDeadline, b.abortOnDeadline,
        b.readinessPollInterval, b.name);
    this.revisions = b.revisions;
    this.rollbackWindow = b.rollbackWindow;
    Set<String> planArgs = new HashSet<>();
    args.forEach(a -> planArgs.add(a.name()));
    boolean routeSteps = false;
    for (int i = 0; i < plan.steps().size(); i++) {
      CanaryStep s = plan.steps().get(i);
      if (ManagedRoutes.isRoute(s)) {
        routeSteps = true;
        if (!router.supportsManagedRoutes()) {
          boolean header = s instanceof CanaryStep.SetHeaderRoute;
          throw new PlanException("steps[" + i + "]." + (header ? "setHeaderRoute" : "setMirrorRoute")
              + ": the router (" + router.getClass().getSimpleName() + ") does not support "
              + (header ? "header" : "mirror") + " routes: its supportsManagedRoutes() is false; give the builder a "
              + "TrafficRouter that implements setHeaderRoute, setMirrorRoute and removeManagedRoutes, or leave the "
              + "step out (see docs/routes.md)");
        }
      }
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
    this.managesRoutes = routeSteps;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static PlanRunnerBuilder builder() {
    return new PlanRunnerBuilder();
  }

  /**
   * Starts walking the plan from its first step. With a revision history the router is first pointed at its stable
   * and canary ({@link TrafficRouter#setRevisions}; a router without it keeps the backends it has), and a failure
   * to do so rolls back.
   *
   * @throws IllegalStateException when already started, or the revision history has no canary
   */
  public synchronized void start() {
    if (phase != PlanPhase.NOT_STARTED) {
      throw new IllegalStateException("the plan was already started; phase is " + phase);
    }
    if (!revisions.isEmpty() && revisions.canary().isEmpty()) {
      throw new IllegalStateException("the revision history has no canary to roll out: " + revisions.listed());
    }
    phase = PlanPhase.PROGRESSING;
    if (!revisions.isEmpty() && !pointRouterAtCanary()) {
      persist();
      return;
    }
    advance();
    persist();
  }

  /**
   * Continues a plan from a saved state, as after a restart: a timed pause waits for the rest of its time, an
   * analysis in progress continues from the newest status the engine saved (or the one in the state when
   * {@code savedRuns} has none), and a plan saved between steps goes on with the step it was at (a step is done
   * again when the runner stopped inside it: setting a weight twice is harmless). The canary weight is set to the
   * saved one again before a progressing plan continues, in case the router lost it, and so are the header and mirror
   * routes that the steps before it left in place (docs/routes.md). A paused, promoted or rolled back plan stays as
   * it was.
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
    if (!saved.revisions().isEmpty()) {
      revisions = saved.revisions();
    }
    logger.info("Plan {} resumed at step {} ({}, {}%)", name, step(index), phase, weight);
    if (phase == PlanPhase.PROGRESSING) {
      if (!revisions.isEmpty() && !pointRouterAtCanary()) {
        persist();
        return;
      }
      if (weight > 0 && !setWeightOrRollBack(weight)) {
        persist();
        return;
      }
      if (!reapplyRoutes()) {
        persist();
        return;
      }
      if (weight > 0 && !readyOrWait("step " + step(index) + " (" + weight + "%) after resume", false,
          () -> continueResumed(saved, savedRuns))) {
        return; // the saved state is kept as it was until the canary is Ready (docs/readiness.md)
      }
      continueResumed(saved, savedRuns);
    }
    persist();
  }

  /** The rest of {@link #resume} for a progressing plan, once its canary is Ready. */
  private void continueResumed(PlanState saved, Function<String, Optional<AnalysisRun>> savedRuns) {
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

  /**
   * The state a {@link PlanStore} would save now.
   *
   * @return the state
   */
  public synchronized PlanState state() {
    return new PlanState(PlanState.FORMAT_VERSION, phase, index, weight, message, analyses, runCounter,
        lastPauseWasInconclusive, pendingPause != null ? pauseEndsAt : null,
        pendingAnalysis != null ? pendingAnalysis.run() : null, clock.instant(), revisions);
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
    return new PlanStatus(phase, index, weight, message, analyses, revisions);
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
    String routes = removeManagedRoutes(); // Argo removes them before it shifts the weight on a full promotion
    if (setWeightOrRollBack(100)) {
      finish(PlanPhase.PROMOTED, "fully promoted by request" + routes);
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
      if (!revisions.isEmpty() && !pointRouterAtCanary()) {
        persist();
        return;
      }
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

  /**
   * Goes back to the previous revision, like {@code kubectl argo rollouts undo}: the same as {@code undo(0)}.
   *
   * @throws IllegalStateException when the plan has not started, has no revision history, or its router cannot
   *     switch revisions
   * @throws IllegalArgumentException when there is no previous revision
   * @throws PlanException when the router fails to switch revisions (nothing was changed)
   */
  public synchronized void undo() {
    undo(0);
  }

  /**
   * Goes back to a revision, like {@code kubectl argo rollouts undo --to-revision=N}: the revision's spec becomes
   * the next revision number. Back to the stable while a canary is in progress, paused or rolled back: the canary
   * gets weight 0 and is dropped, steps skipped, and the plan is {@code ROLLED_BACK}. To an older revision within
   * {@code rollbackWindow}: the router sends it all traffic at once, steps skipped, and the plan is
   * {@code PROMOTED}. Otherwise the revision is a new canary and the plan walks its steps from the first (weight 0
   * first, any canary in progress dropped). The rules, with Argo's, are in {@code docs/revisions.md}.
   *
   * @param toRevision the revision number, or 0 for the previous one (the highest number below the current)
   * @throws IllegalStateException when the plan has not started, has no revision history, or its router cannot
   *     switch revisions
   * @throws IllegalArgumentException naming the revisions there are, when there is no such revision or it is
   *     already current
   * @throws PlanException when the router fails to switch revisions (nothing was changed)
   */
  public synchronized void undo(int toRevision) {
    if (phase == PlanPhase.NOT_STARTED) {
      throw new IllegalStateException("undo needs a started plan; phase is " + phase);
    }
    if (revisions.isEmpty()) {
      throw new IllegalStateException("undo needs a revision history; give the builder one with revisions(...)");
    }
    Revision target = revisions.target(toRevision);
    boolean toStable = target.number() == revisions.stableRevision();
    boolean fast = revisions.isFastRollback(target.number(), rollbackWindow);
    RevisionHistory next = revisions.rollbackTo(target.number());
    if (fast && !toStable) {
      next = next.promote();
    }
    Revision now = next.find(next.currentRevision()).orElseThrow();
    // The first switch sends every request to one healthy revision whatever the weight; if it fails, nothing changed.
    Revision first = fast ? now : revisions.stable();
    try {
      router.setRevisions(first, first);
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("undo needs a router that switches revisions: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new PlanException("undo to " + now.describe() + " failed, nothing changed: the router did not switch "
          + "revisions: " + e.getMessage(), e);
    }
    cancelPending();
    revisions = next;
    lastPauseWasInconclusive = false;
    // The routes point at the canary being dropped: Argo removes them when the rollout goes back (docs/routes.md)
    String what = "undone to " + now.describe() + removeManagedRoutes();
    logger.info("Plan {} {} ({})", name, what, revisions.listed());
    if (toStable) {
      if (setWeightOrRollBack(0)) {
        finish(PlanPhase.ROLLED_BACK, what + ", the stable revision: canary dropped, steps skipped");
      }
    } else if (fast) {
      index = plan.steps().size();
      if (setWeightOrRollBack(100)) {
        finish(PlanPhase.PROMOTED, what + " within rollbackWindow " + rollbackWindow + ": promoted at once, steps "
            + "skipped");
      }
    } else if (setWeightOrRollBack(0) && pointRouterAtCanary()) {
      index = 0;
      phase = PlanPhase.PROGRESSING;
      message = what + ": rolling it out as a canary from step " + step(0);
      advance();
    }
    persist();
  }

  /** Points the router at the stable and canary revisions; on failure rolls back and returns false. */
  private boolean pointRouterAtCanary() {
    Revision canary = revisions.canary().orElseThrow(() -> new IllegalStateException(
        "there is no canary revision to roll out: " + revisions.listed()));
    try {
      router.setRevisions(revisions.stable(), canary);
      return true;
    } catch (UnsupportedOperationException e) {
      return true; // the router never switched revisions, so it still serves the ones it was built with
    } catch (Exception e) {
      rollBack("rolled back: the router did not switch to canary " + canary.describe() + ": " + e.getMessage());
      return false;
    }
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
        if (weight > 0 && !readyOrWait("step " + step(index) + " (" + weight + "%)", true, this::stepReady)) {
          return;
        }
        index++;
      } else if (ManagedRoutes.isRoute(step)) {
        if (!applyRouteOrRollBack(step)) {
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
      // Argo removes managed routes once the rollout is fully promoted, after the weight reached 100%
      finish(PlanPhase.PROMOTED, "promoted: every step passed" + removeManagedRoutes());
    }
  }

  /** The setWeight step's canary became Ready after a wait: go on with the next step. */
  private void stepReady() {
    index++;
    advance();
  }

  /**
   * Asks the readiness check once; when the canary is not Ready, starts polling it on the scheduler (until Ready,
   * then {@code then} runs) with the progress deadline (docs/readiness.md). Called with the lock held.
   *
   * @return true when the canary is Ready now and the caller goes on itself
   */
  private boolean readyOrWait(String where, boolean persistWhileWaiting, Runnable then) {
    ReadinessGate.Answer now = readiness.ask();
    if (now.ready()) {
      return true;
    }
    long gen = generation;
    ReadinessGate.Wait w = new ReadinessGate.Wait(step(index), where, persistWhileWaiting, then);
    readinessWait = w;
    message = readiness.waiting(w, now);
    logger.info("Plan {}: {}", name, message);
    w.deadline = scheduler.schedule(() -> readinessDeadline(gen), readiness.deadline());
    w.poll = scheduler.schedule(() -> readinessPoll(gen), readiness.pollInterval());
    return false;
  }

  private synchronized void readinessPoll(long gen) {
    ReadinessGate.Wait w = readinessWait;
    if (gen != generation || phase != PlanPhase.PROGRESSING || w == null) {
      return;
    }
    ReadinessGate.Answer a = readiness.ask();
    if (a.ready()) {
      readinessDone(w, a);
      return;
    }
    String before = message;
    message = w.exceeded ? readiness.exceeded(w, a) : readiness.waiting(w, a);
    w.poll = scheduler.schedule(() -> readinessPoll(gen), readiness.pollInterval());
    if (w.persistWhileWaiting && !message.equals(before)) {
      persist();
    }
  }

  /** The progress deadline passed: a last check, then rollback (abort) or ProgressDeadlineExceeded and more polls. */
  private synchronized void readinessDeadline(long gen) {
    ReadinessGate.Wait w = readinessWait;
    if (gen != generation || phase != PlanPhase.PROGRESSING || w == null) {
      return;
    }
    w.deadline = null;
    ReadinessGate.Answer a = readiness.ask();
    if (a.ready()) {
      readinessDone(w, a);
      return;
    }
    w.exceeded = true;
    if (readiness.abortOnDeadline()) {
      rollBack(readiness.rolledBack(w, a));
      persist();
      return;
    }
    message = readiness.exceeded(w, a);
    logger.warn("Plan {}: {}", name, message);
    // The next poll counts from this check, so that the check is not asked twice at the same instant.
    if (w.poll != null) {
      w.poll.cancel();
    }
    w.poll = scheduler.schedule(() -> readinessPoll(gen), readiness.pollInterval());
    if (w.persistWhileWaiting) {
      persist();
    }
  }

  private void readinessDone(ReadinessGate.Wait w, ReadinessGate.Answer a) {
    w.cancel();
    readinessWait = null;
    message = readiness.readyAfterWait(w, a);
    logger.info("Plan {}: {}", name, message);
    w.then.run();
    persist();
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
      String value = a.value() != null ? a.value() : "Stable".equals(a.podTemplateHashValue()) ? stableHash()
          : canaryHash();
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

  /** Sets or removes a header or mirror route; rolls back when the router fails. Called with the lock held. */
  private boolean applyRouteOrRollBack(CanaryStep step) {
    try {
      ManagedRoutes.apply(router, step);
      return true;
    } catch (Exception e) {
      rollBack("rolled back at step " + step(index) + ": " + step.describe() + " failed: " + e.getMessage());
      return false;
    }
  }

  /**
   * On resume, sets again the routes the steps before the current one left in place, as the weight is set again: a
   * router that lost its state gets it back, one that kept it sees the same calls again. Called with the lock held.
   */
  private boolean reapplyRoutes() {
    for (CanaryStep s : ManagedRoutes.inPlaceBefore(plan, index)) {
      if (!applyRouteOrRollBack(s)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes the managed routes when the plan has route steps; a failure is logged and returned as a message suffix
   * (it must not hide the promotion or rollback it is part of). Called with the lock held.
   */
  private String removeManagedRoutes() {
    if (!managesRoutes) {
      return "";
    }
    try {
      router.removeManagedRoutes();
      return "";
    } catch (Exception e) {
      logger.warn("Plan {}: removing the managed routes failed: {}", name, e.toString());
      return "; removing the managed routes failed: " + e.getMessage();
    }
  }

  private void rollBack(String why) {
    cancelPending();
    why = why + removeManagedRoutes(); // Argo removes them on an abort before it sets the weight back
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

  /** The stable revision's pod-template hash when there is a history, else the builder's. */
  private String stableHash() {
    return revisions.isEmpty() ? stableHash : revisions.stable().podTemplateHash();
  }

  /** The canary revision's pod-template hash when there is one, else the builder's. */
  private String canaryHash() {
    return revisions.canary().map(Revision::podTemplateHash).orElse(canaryHash);
  }

  private void finish(PlanPhase done, String why) {
    if (done == PlanPhase.PROMOTED && revisions.canary().isPresent()) {
      revisions = revisions.promote();
    }
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
    if (readinessWait != null) {
      readinessWait.cancel();
      readinessWait = null;
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
}
