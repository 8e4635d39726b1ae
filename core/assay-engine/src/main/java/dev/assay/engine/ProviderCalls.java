/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Runs provider calls concurrently on an executor with a per-call deadline, so a provider that hangs costs at most the
 * deadline and never blocks other metrics. Without an executor, calls run one after another on the calling thread
 * and no deadline can be enforced (useful for deterministic single-threaded tests).
 */
final class ProviderCalls {
  private final @Nullable Executor executor;
  private final Duration timeout;

  ProviderCalls(@Nullable Executor executor, Duration timeout) {
    this.executor = executor;
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * Runs every call and returns their results in order. A call that throws, times out or cannot be submitted gets
   * {@code onFailure.apply(index, reason)} as its result.
   */
  <T> List<T> invokeAll(List<Callable<T>> calls, BiFunction<Integer, String, T> onFailure) {
    List<T> results = new ArrayList<>(calls.size());
    if (executor == null || calls.isEmpty()) {
      for (int i = 0; i < calls.size(); i++) {
        results.add(callInline(calls.get(i), i, onFailure));
      }
      return results;
    }
    List<FutureTask<T>> futures = new ArrayList<>(calls.size());
    List<Long> deadlines = new ArrayList<>(calls.size());
    for (Callable<T> call : calls) {
      FutureTask<T> f = new FutureTask<>(call);
      futures.add(f);
      // The deadline is real elapsed time by nature: a hanging provider hangs in real time, also under a virtual clock.
      deadlines.add(System.nanoTime() + timeout.toNanos());
      try {
        executor.execute(f);
      } catch (RejectedExecutionException e) {
        f.cancel(false);
      }
    }
    for (int i = 0; i < futures.size(); i++) {
      results.add(await(futures.get(i), deadlines.get(i), i, onFailure));
    }
    return results;
  }

  private <T> T await(FutureTask<T> future, long deadline, int index, BiFunction<Integer, String, T> onFailure) {
    try {
      return future.get(Math.max(0L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return onFailure.apply(index, "did not answer within " + timeout.toMillis() + "ms");
    } catch (CancellationException e) {
      return onFailure.apply(index, "call was rejected: the engine is shutting down");
    } catch (ExecutionException e) {
      return onFailure.apply(index, describe(e.getCause()));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return onFailure.apply(index, "call was interrupted");
    }
  }

  private static <T> T callInline(Callable<T> call, int index, BiFunction<Integer, String, T> onFailure) {
    try {
      return call.call();
    } catch (Exception e) {
      return onFailure.apply(index, describe(e));
    }
  }

  static String describe(@Nullable Throwable t) {
    if (t == null) {
      return "unknown failure";
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
