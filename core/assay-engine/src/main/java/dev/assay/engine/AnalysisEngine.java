/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.AssayException;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateResource;
import dev.assay.template.AnalysisRuns;
import dev.assay.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analysis runs: each started run is evaluated by the {@link Reconciler} whenever it is due, on the engine's
 * {@link Scheduler}, until it completes. Build one with {@link #builder()}, share it, and close it when done.
 *
 * <p>Thread-safe. The engine owns (and {@link #close() closes}) only what it created: its default scheduler and
 * provider-call threads (daemon threads named {@code assay-scheduler-n} and {@code assay-provider-n}) and providers
 * it created through discovery. Injected schedulers, executors and providers are left alone.
 */
public final class AnalysisEngine implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(AnalysisEngine.class);

  private final Reconciler reconciler;
  private final Clock clock;
  private final Scheduler scheduler;
  private final List<AnalysisListener> listeners;
  private final StatusStore store;
  private final List<AutoCloseable> owned;
  private final Set<RunDriver> active = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  AnalysisEngine(Reconciler reconciler, Clock clock, Scheduler scheduler, List<AnalysisListener> listeners,
      StatusStore store, List<AutoCloseable> owned) {
    this.reconciler = reconciler;
    this.clock = clock;
    this.scheduler = scheduler;
    this.listeners = List.copyOf(listeners);
    this.store = store;
    this.owned = List.copyOf(owned);
  }

  /**
   * Starts building an engine.
   *
   * @return a builder
   */
  public static AnalysisEngineBuilder builder() {
    return new AnalysisEngineBuilder();
  }

  /**
   * Starts (or resumes) a run. A new run has an empty status; a run whose status was saved earlier continues where
   * it stopped. The first evaluation is scheduled right away.
   *
   * @param run the run
   * @return a handle to watch, await or terminate the run
   * @throws IllegalStateException when the engine is closed
   */
  public AnalysisHandle start(AnalysisRun run) {
    Objects.requireNonNull(run, "run");
    if (closed) {
      throw new IllegalStateException("the engine is closed");
    }
    RunDriver driver = new RunDriver(run, reconciler, clock, scheduler, listeners, store);
    active.add(driver);
    driver.completion().whenComplete((r, e) -> active.remove(driver));
    logger.info("Starting AnalysisRun {}", run.metadata().name());
    driver.start();
    return new AnalysisHandle(driver);
  }

  /**
   * Builds a run from templates and arguments ({@code AnalysisRuns.fromTemplates}, Argo's flattening and argument
   * merging) and starts it.
   *
   * @param metadata the run's metadata (name and namespace at least)
   * @param templates the templates, namespaced and cluster-scoped, in reference order
   * @param args the caller's arguments; ones the templates do not declare are dropped, as in Argo
   * @return a handle to the new run
   * @throws dev.assay.template.TemplateValidationException when the templates conflict or an argument is missing
   */
  public AnalysisHandle start(ObjectMeta metadata, List<? extends TemplateResource> templates, List<Argument> args) {
    return start(AnalysisRuns.fromTemplates(metadata, templates, args));
  }

  /**
   * Runs a run to completion, blocking the calling thread. Needs a real-time scheduler.
   *
   * @param run the run
   * @param timeout how long to wait (real time)
   * @return the completed run
   * @throws InterruptedException when the calling thread is interrupted
   * @throws AssayException when the run did not complete in time (it is terminated) or the engine closed
   */
  public AnalysisRun run(AnalysisRun run, Duration timeout) throws InterruptedException {
    AnalysisHandle handle = start(run);
    Optional<AnalysisRun> done = handle.await(timeout);
    if (done.isEmpty()) {
      handle.terminate();
      throw new AssayException("AnalysisRun " + run.metadata().name() + " did not complete within " + timeout);
    }
    return done.get();
  }

  /**
   * The reconcile step this engine uses, for callers that drive runs themselves.
   *
   * @return the reconciler
   */
  public Reconciler reconciler() {
    return reconciler;
  }

  /**
   * How many started runs have not completed.
   *
   * @return the number of active runs
   */
  public int activeRuns() {
    return active.size();
  }

  /**
   * Stops every active run (their handles complete exceptionally; their last saved status can be resumed by another
   * engine) and closes what the engine created. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (RunDriver d : active) {
      d.stop("the engine was closed before the run completed");
    }
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        logger.warn("Closing {} failed: {}", c.getClass().getName(), e.toString());
      }
    }
  }

}
