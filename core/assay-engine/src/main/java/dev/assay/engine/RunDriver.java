/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.AssayException;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drives one run: calls the {@link Reconciler} whenever the scheduler says so, tells listeners and the store, and
 * asks the scheduler for the next wake-up. What happens on a tick is the reconcile step; this class only decides when.
 */
final class RunDriver {
  private static final Logger logger = LoggerFactory.getLogger(RunDriver.class);
  /**
   * Argo starts a measurement only when now is strictly after the due time; waking 1 ms after it makes that hold.
   */
  static final Duration WAKE_AFTER_DUE = Duration.ofMillis(1);

  private final Reconciler reconciler;
  private final Clock clock;
  private final Scheduler scheduler;
  private final List<AnalysisListener> listeners;
  private final StatusStore store;
  private final CompletableFuture<AnalysisRun> completion = new CompletableFuture<>();
  private final PreparedCache prepared = new PreparedCache();
  private final Object wakeLock = new Object();
  private volatile AnalysisRun current;
  private volatile boolean terminateRequested;
  private volatile boolean stopped;
  /** Whether provider calls of a step are out; the run is not evaluated again until they are back. */
  private boolean measuring;
  private volatile boolean terminateWhileMeasuring;
  private @Nullable Cancellable wake;
  /** When the pending wake-up is due, by the engine clock: the base of the scheduling lag. */
  private volatile Instant dueAt;

  RunDriver(AnalysisRun run, Reconciler reconciler, Clock clock, Scheduler scheduler,
      List<AnalysisListener> listeners, StatusStore store) {
    this.current = run;
    this.reconciler = reconciler;
    this.clock = clock;
    this.scheduler = scheduler;
    this.listeners = List.copyOf(listeners);
    this.store = store;
    this.dueAt = clock.instant();
  }

  void start() {
    wakeIn(Duration.ZERO);
  }

  AnalysisRun current() {
    return current;
  }

  CompletableFuture<AnalysisRun> completion() {
    return completion;
  }

  void terminate() {
    terminateRequested = true;
    terminateWhileMeasuring = measuring;
    wakeIn(Duration.ZERO);
  }

  void stop(String reason) {
    stopped = true;
    synchronized (wakeLock) {
      if (wake != null) {
        wake.cancel();
        wake = null;
      }
    }
    completion.completeExceptionally(new AssayException(reason));
  }

  synchronized void tick() {
    if (stopped || completion.isDone() || measuring) {
      return;
    }
    MDC.put(Reconciler.MDC_RUN, current.metadata().name());
    try {
      evaluate();
    } finally {
      MDC.remove(Reconciler.MDC_RUN);
    }
  }

  private void evaluate() {
    AnalysisRun before = current;
    AnalysisRun input = before;
    if (terminateRequested && !input.spec().terminate()) {
      input = input.withSpec(input.spec().withTerminate(true));
    }
    Instant now = clock.instant();
    Instant due = dueAt;
    long started = System.nanoTime();
    Evaluation evaluation;
    ReconcileResult result;
    try {
      evaluation = reconciler.begin(input, now, prepared);
      if (evaluation.done() != null) {
        result = evaluation.done();
      } else if (scheduler.isVirtual() || reconciler.inlineCalls()) {
        // Virtual time: the step must be complete when the test's advanceBy returns.
        result = reconciler.measureAndFinish(evaluation);
      } else {
        measuring = true;
        // The scheduler thread goes back to other runs; the outcomes come back as a task of their own.
        reconciler.submit(evaluation).whenComplete((outcomes, error) -> scheduler.schedule(
            () -> finishMeasuring(before, evaluation, outcomes, error, due, started), Duration.ZERO));
        return;
      }
    } catch (RuntimeException | Error e) {
      retryAfterFailure(before, e, due, now, started);
      return;
    }
    apply(before, result, new EvaluationTiming(due, now, Duration.ofNanos(System.nanoTime() - started), false,
        result.providerCallTimes()));
  }

  private synchronized void finishMeasuring(AnalysisRun before, Evaluation evaluation,
      java.util.@Nullable List<MeasurementCall.Outcome> outcomes, @Nullable Throwable error, Instant due,
      long started) {
    measuring = false;
    if (stopped || completion.isDone()) {
      return;
    }
    ReconcileResult result;
    try {
      if (outcomes == null) {
        throw new IllegalStateException("provider calls failed", error);
      }
      result = reconciler.finish(evaluation, outcomes, false);
    } catch (RuntimeException | Error e) {
      retryAfterFailure(before, e, due, evaluation.now(), started);
      return;
    }
    apply(before, result, new EvaluationTiming(due, evaluation.now(), Duration.ofNanos(System.nanoTime() - started),
        false, result.providerCallTimes()));
  }

  private void retryAfterFailure(AnalysisRun run, Throwable e, Instant due, Instant now, long started) {
    // A bug in a reconcile step must not stop other runs; retry like a controller requeue.
    logger.error("Evaluating AnalysisRun {} failed; retrying", run.metadata().name(), e);
    EvaluationTiming failed = new EvaluationTiming(due, now, Duration.ofNanos(System.nanoTime() - started), true,
        Map.of());
    each(l -> l.onEvaluated(run, failed));
    wakeIn(TaskPlanner.ERROR_RETRY_INTERVAL);
    if (e instanceof VirtualMachineError) {
      throw (VirtualMachineError) e;
    }
  }

  /** Publishes a step's result and asks for the next wake-up, whatever listeners and the store throw. */
  private void apply(AnalysisRun before, ReconcileResult result, EvaluationTiming timing) {
    AnalysisRun after = result.run();
    current = after;
    Instant now = clock.instant();
    try {
      notifyChanges(before, after, result.measurements());
      if (!after.status().equals(before.status()) || !after.spec().equals(before.spec())) {
        persist(after);
      }
      each(l -> l.onEvaluated(after, timing));
    } finally {
      if (after.status().phase().isCompleted()) {
        each(l -> l.onRunCompleted(after));
        completion.complete(after);
      } else if (terminateWhileMeasuring) {
        // terminate() found the calls out and could not evaluate; it happens now.
        terminateWhileMeasuring = false;
        wakeIn(Duration.ZERO);
      } else {
        Instant next = result.nextReconcileAt();
        if (next != null) {
          // Always a little after the due time: never a hot loop at one instant, and the strict comparison holds.
          wakeIn((next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO).plus(WAKE_AFTER_DUE));
        }
      }
    }
  }

  private void wakeIn(Duration delay) {
    if (stopped) {
      return;
    }
    synchronized (wakeLock) {
      if (wake != null) {
        wake.cancel();
      }
      dueAt = clock.instant().plus(delay);
      wake = scheduler.schedule(this::tick, delay);
    }
  }

  private void notifyChanges(AnalysisRun before, AnalysisRun after, Map<String, Measurement> taken) {
    taken.forEach((metric, m) -> each(l -> l.onMeasurementTaken(after, metric, m)));
    for (RunChanges.MetricPhaseChange c : RunChanges.metricPhases(before, after)) {
      MetricResult r = c.result();
      AnalysisPhase was = c.from();
      if (was != AnalysisPhase.NONE || r.phase().isCompleted()) {
        // Why the metric moved: Argo's metric message ("Metric assessed Failed due to failed (3) > failureLimit (0)").
        logger.info("AnalysisRun {} metric {} is {} (was {}){}", after.metadata().name(), r.name(),
            r.phase().wireName(), was == AnalysisPhase.NONE ? "-" : was.wireName(),
            r.message().isEmpty() ? "" : ": " + r.message());
      }
      each(l -> l.onMetricPhaseChanged(after, r.name(), was, r.phase()));
    }
  }

  private void persist(AnalysisRun run) {
    try {
      store.save(run);
    } catch (Exception | Error e) {
      // Even an AssertionError from a test's store must not leave the run without its next evaluation.
      rethrowIfFatal(e);
      logger.warn("Saving the status of AnalysisRun {} failed: {}", run.metadata().name(), e.toString());
      return;
    }
    each(l -> l.onStatusPersisted(run));
  }

  private void each(java.util.function.Consumer<AnalysisListener> call) {
    for (AnalysisListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException | Error e) {
        rethrowIfFatal(e);
        logger.warn("AnalysisListener {} failed", l.getClass().getName(), e);
      }
    }
  }

  private static void rethrowIfFatal(Throwable e) {
    if (e instanceof VirtualMachineError) {
      throw (VirtualMachineError) e;
    }
  }
}
