/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.time;

import java.time.Duration;

/**
 * Runs tasks after a delay. The engine asks for every wake-up through this interface and never sleeps, so a
 * {@code dev.assay.testing.ManualScheduler} can run a whole analysis in virtual time.
 *
 * <p><b>Thread-safety:</b> implementations must accept calls from any thread, including from inside a running task.
 */
@FunctionalInterface
public interface Scheduler {
  /**
   * Runs a task once, after a delay.
   *
   * @param task the task; exceptions it throws are the scheduler's to log, they never stop other tasks
   * @param delay how long to wait; zero or negative means as soon as possible
   * @return a handle to cancel the task
   */
  Cancellable schedule(Runnable task, Duration delay);
}
