/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run started by {@link AnalysisEngine#start}. Thread-safe.
 */
public final class AnalysisHandle {
  private final RunDriver driver;

  AnalysisHandle(RunDriver driver) {
    this.driver = driver;
  }

  /**
   * The run as of its latest evaluation.
   *
   * @return the run (spec and status)
   */
  public AnalysisRun run() {
    return driver.current();
  }

  /**
   * The status as of the latest evaluation.
   *
   * @return the status
   */
  public AnalysisRunStatus status() {
    return driver.current().status();
  }

  /**
   * Whether the run has completed.
   *
   * @return true once the run's phase is Successful, Failed, Error or Inconclusive
   */
  public boolean isDone() {
    return driver.completion().isDone();
  }

  /**
   * Waits for the run to complete. With a virtual-time scheduler, advance the scheduler instead of waiting.
   *
   * @param timeout how long to wait (real time)
   * @return the completed run, or empty when the timeout passed first
   * @throws InterruptedException when the waiting thread is interrupted
   * @throws dev.assay.AssayException when the engine was closed before the run completed
   */
  public Optional<AnalysisRun> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(driver.completion().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    }
  }

  /**
   * Completes with the completed run (or exceptionally when the engine closes first).
   *
   * @return a stage that cannot be used to complete the run
   */
  public CompletionStage<AnalysisRun> completion() {
    return driver.completion().thenApply(r -> r);
  }

  /**
   * Asks the run to stop, like setting Argo's {@code spec.terminate}: no new measurements start, in-flight ones are
   * terminated, and the run completes at the next evaluation, which is scheduled right away.
   */
  public void terminate() {
    driver.terminate();
  }

  CompletableFuture<AnalysisRun> future() {
    return driver.completion();
  }
}
