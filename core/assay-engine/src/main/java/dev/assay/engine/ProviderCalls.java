/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs provider calls in one {@link Bulkhead} per provider type, each with a deadline, and hands back futures, so no
 * caller has to wait for a provider: the engine's scheduler threads never do (docs/security.md, "Isolation"). Without
 * executors, calls run one after another on the calling thread and no deadline can be enforced (deterministic
 * single-threaded tests).
 *
 * <p>Thread-safe.
 */
final class ProviderCalls implements AutoCloseable {
  /** A call and the provider type whose bulkhead runs it. */
  record Call<T>(String provider, Callable<T> work) {}

  private final @Nullable Function<String, Executor> executors;
  private final Duration timeout;
  private final int limit;
  private final int queueLimit;
  private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();
  private final boolean ownsExecutors;
  private final List<ExecutorService> owned = new ArrayList<>();

  /**
   * Creates the call runner.
   *
   * @param executors the executor of each provider type, or null to run calls inline
   * @param timeout the deadline of one call, from submission
   * @param limit calls of one provider running at once
   * @param queueLimit calls of one provider waiting for a slot
   * @param ownsExecutors whether {@link #close()} shuts down the executors {@code executors} returns
   */
  ProviderCalls(@Nullable Function<String, Executor> executors, Duration timeout, int limit, int queueLimit,
      boolean ownsExecutors) {
    this.executors = executors;
    this.ownsExecutors = ownsExecutors;
    this.timeout = timeout;
    this.limit = limit;
    this.queueLimit = queueLimit;
  }

  Duration timeout() {
    return timeout;
  }

  boolean inline() {
    return executors == null;
  }

  /** Runs every call and waits for all results, in order. See {@link #submitAll}. */
  <T> List<T> invokeAll(List<Call<T>> calls, Failure<T> onFailure) {
    if (executors == null) {
      List<T> results = new ArrayList<>(calls.size());
      for (int i = 0; i < calls.size(); i++) {
        results.add(callInline(calls.get(i).work(), i, onFailure));
      }
      return results;
    }
    return submitAll(calls, onFailure).join();
  }

  /**
   * Starts every call and returns a future of their results in order. A call that throws, misses its deadline, is
   * refused by a full bulkhead or cannot be submitted gets {@code onFailure.apply(index, reason)} as its result; the
   * future never completes exceptionally.
   */
  <T> CompletableFuture<List<T>> submitAll(List<Call<T>> calls, Failure<T> onFailure) {
    if (executors == null) {
      return CompletableFuture.completedFuture(invokeAll(calls, onFailure));
    }
    List<CompletableFuture<T>> futures = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      int index = i;
      futures.add(submit(calls.get(i), reason -> onFailure.apply(index, reason)));
    }
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      List<T> results = new ArrayList<>(futures.size());
      futures.forEach(f -> results.add(f.join()));
      return results;
    });
  }

  private <T> CompletableFuture<T> submit(Call<T> call, Function<String, T> onFailure) {
    CompletableFuture<T> result = new CompletableFuture<>();
    FutureTask<T> task = new FutureTask<>(call.work()) {
      @Override
      protected void done() {
        if (isCancelled()) {
          return;
        }
        try {
          result.complete(get());
        } catch (ExecutionException e) {
          result.complete(onFailure.apply(describe(e.getCause())));
        } catch (InterruptedException | CancellationException e) {
          result.complete(onFailure.apply("call was interrupted"));
        }
      }
    };
    Bulkhead bulkhead = bulkheadFor(call.provider());
    try {
      if (!bulkhead.offer(task)) {
        result.complete(onFailure.apply("has " + bulkhead.limit() + " calls running and " + bulkhead.queueLimit()
            + " waiting, its limit; the call was not made"));
        return result;
      }
    } catch (RejectedExecutionException e) {
      result.complete(onFailure.apply("call was rejected: the engine is shutting down"));
      return result;
    }
    return result.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).handle((value, error) -> {
      if (error == null) {
        return value;
      }
      // Interrupts the call if it runs, or keeps it from starting if it still waits for a slot.
      task.cancel(true);
      return onFailure.apply(error instanceof TimeoutException
          ? "did not answer within " + timeout.toMillis() + "ms" : describe(error));
    });
  }

  private Bulkhead bulkheadFor(String provider) {
    Function<String, Executor> source = executors;
    return bulkheads.computeIfAbsent(provider, p -> {
      Executor executor = source.apply(p);
      if (ownsExecutors && executor instanceof ExecutorService) {
        synchronized (owned) {
          owned.add((ExecutorService) executor);
        }
      }
      return new Bulkhead(executor, limit, queueLimit);
    });
  }

  /** Shuts down the executors this runner owns, interrupting their calls. */
  @Override
  public void close() {
    synchronized (owned) {
      owned.forEach(ExecutorService::shutdownNow);
    }
  }

  private static <T> T callInline(Callable<T> call, int index, Failure<T> onFailure) {
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

  /**
   * The result a failed call gets.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  interface Failure<T> {
    T apply(int index, String reason);
  }
}
