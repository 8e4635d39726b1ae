/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.time.internal;

import dev.assay.time.Cancellable;
import dev.assay.time.CloseableScheduler;
import dev.assay.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time {@link Scheduler}: a pool of daemon threads named {@code assay-<role>-<n>}. This is the one class
 * allowed to create threads, so every thread the engine owns is named, daemon, and closed by {@link #close()}.
 */
public final class SystemScheduler implements CloseableScheduler {
  private static final Logger logger = LoggerFactory.getLogger(SystemScheduler.class);
  private final ScheduledThreadPoolExecutor executor;

  /**
   * Creates a scheduler.
   *
   * @param threads how many threads run due tasks (at least 1)
   */
  public SystemScheduler(int threads) {
    executor = new ScheduledThreadPoolExecutor(Math.max(1, threads), daemonThreads("scheduler"));
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    long nanos = Math.max(0L, saturatedNanos(delay));
    ScheduledFuture<?> f;
    try {
      f = executor.schedule(() -> runLogged(task), nanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closing: a task finishing late may still ask for a wake-up; there is nothing left to wake.
      logger.debug("Scheduler closed; task dropped");
      return () -> false;
    }
    return () -> f.cancel(false);
  }

  /** Stops the threads; tasks not yet started are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * Creates a pool of daemon worker threads named {@code assay-<role>-<n>} with an unbounded queue. The caller owns
   * it and must shut it down.
   *
   * @param role the role in the thread names, for example {@code provider}
   * @param threads the number of threads (at least 1)
   * @return the pool
   */
  public static ExecutorService workerPool(String role, int threads) {
    int n = Math.max(1, threads);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemonThreads(role));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemonThreads(String role) {
    AtomicInteger next = new AtomicInteger(1);
    return r -> {
      Thread t = new Thread(r, "assay-" + role + "-" + next.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return d.isNegative() ? 0L : Long.MAX_VALUE / 2;
    }
  }

  private static void runLogged(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // A failing task must not kill the pool thread or hide the failure.
      logger.error("Scheduled task failed", e);
    }
  }
}
