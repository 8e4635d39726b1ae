/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The controller's default {@link Scheduler}: one daemon thread that only queues runs when they fall due (the work
 * happens on the worker threads), so one thread keeps up with many thousands of runs. Thread-safe.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
  private final ScheduledThreadPoolExecutor executor;

  /**
   * Starts the thread.
   *
   * @param threadName the thread's name
   */
  public RealTimeScheduler(String threadName) {
    executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    long nanos = delay.isNegative() ? 0 : delay.toNanos();
    ScheduledFuture<?> f;
    try {
      f = executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return () -> false;
    }
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
