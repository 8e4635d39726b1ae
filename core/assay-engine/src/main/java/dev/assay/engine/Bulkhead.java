/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * The calls of one provider type: at most {@code limit} run at once and at most {@code queueLimit} wait, so a provider
 * whose calls hang can fill only its own bulkhead, never the threads other providers need (docs/security.md,
 * "Isolation"). A slot is freed when the call really ends, not at its deadline: a call that ignores interruption keeps
 * its slot, and the bulkhead refuses work rather than growing.
 *
 * <p>Thread-safe.
 */
final class Bulkhead {
  private final Executor executor;
  private final int limit;
  private final int queueLimit;
  private final ArrayDeque<FutureTask<?>> waiting = new ArrayDeque<>();
  private int running;

  Bulkhead(Executor executor, int limit, int queueLimit) {
    this.executor = executor;
    this.limit = limit;
    this.queueLimit = queueLimit;
  }

  int limit() {
    return limit;
  }

  int queueLimit() {
    return queueLimit;
  }

  /**
   * Runs a task now or after earlier ones.
   *
   * @return false when the bulkhead is full; the task was not taken
   * @throws RejectedExecutionException when the executor refuses work (it is shutting down)
   */
  boolean offer(FutureTask<?> task) {
    synchronized (this) {
      if (running >= limit) {
        if (waiting.size() >= queueLimit) {
          return false;
        }
        waiting.add(task);
        return true;
      }
      running++;
    }
    dispatch(task);
    return true;
  }

  private void dispatch(FutureTask<?> task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } finally {
          next();
        }
      });
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        running--;
      }
      task.cancel(false);
      throw e;
    }
  }

  private void next() {
    FutureTask<?> task;
    synchronized (this) {
      task = waiting.poll();
      if (task == null) {
        running--;
        return;
      }
    }
    try {
      dispatch(task);
    } catch (RejectedExecutionException e) {
      // Shutting down: the task is cancelled and its caller told so.
    }
  }
}
