/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs fuzz cases for a bounded time, each on a watched thread: a case must finish within a generous wall-clock
 * budget (a safety net against hangs, not a performance assertion), allocate at most a bounded number of bytes, and
 * throw only the exception types the API declares. The base seed is printed, and each failure names its case seed,
 * so any failure reproduces with {@code -Dassay.fuzz.seed=<seed>}.
 *
 * <p>System properties: {@code assay.fuzz.seconds} (per suite, default 12, so the build spends well under 60 s in all
 * suites), {@code assay.fuzz.seed} (default: the current time).
 */
final class FuzzHarness {
  /** Per-case wall-clock budget. */
  static final Duration CASE_BUDGET = Duration.ofSeconds(2);
  /** Per-case allocation budget. */
  static final long CASE_ALLOCATION_BYTES = 512L * 1024 * 1024;

  /** One case: an input and the check that runs on it; returns normally or throws. */
  interface Case {
    void run() throws Exception;
  }

  private final String suite;
  private final Duration duration;
  private final long seed;
  private final Class<? extends Throwable> allowed;
  private final List<String> failures = new ArrayList<>();
  private int cases;
  private ExecutorService worker = newWorker();

  FuzzHarness(String suite, Class<? extends Throwable> allowed) {
    this.suite = suite;
    this.duration = Duration.ofSeconds(Long.getLong("assay.fuzz.seconds", 12));
    this.seed = Long.getLong("assay.fuzz.seed", System.currentTimeMillis());
    this.allowed = allowed;
    System.out.printf("fuzz %s: seed %d, %d s (repeat with -Dassay.fuzz.seed=%d)%n", suite, seed,
        duration.getSeconds(), seed);
  }

  /**
   * Generates and runs cases until the time is up.
   *
   * @param generator makes the input of a case from its random source
   * @param check runs one input
   * @return the failures, each naming its case seed and input
   */
  List<String> run(Function<Random, String> generator, Function<String, Case> check) {
    long end = System.nanoTime() + duration.toNanos();
    for (long i = 0; System.nanoTime() < end && failures.size() < 20; i++) {
      long caseSeed = seed + i;
      String input = generator.apply(new Random(caseSeed));
      String failure = runOne(check.apply(input));
      cases++;
      if (failure != null) {
        failures.add("case seed " + caseSeed + ": " + failure + "\n--- input ---\n" + shortened(input));
      }
    }
    worker.shutdownNow();
    System.out.printf("fuzz %s: %d cases, %d failures%n", suite, cases, failures.size());
    return failures;
  }

  /**
   * Runs one well-formed case without the budgets, so class loading and JIT warm-up are not charged to the first
   * fuzz case.
   *
   * @param c the case
   * @throws Exception when it fails
   */
  void warmUp(Case c) throws Exception {
    c.run();
  }

  int cases() {
    return cases;
  }

  private String runOne(Case c) {
    long[] allocated = new long[1];
    Future<?> f = worker.submit(() -> {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      try {
        c.run();
        return null;
      } finally {
        allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
      }
    });
    try {
      f.get(CASE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      // The stuck thread is abandoned (daemon); later cases get a fresh one.
      worker.shutdownNow();
      worker = newWorker();
      return "did not finish within " + CASE_BUDGET.toMillis() + " ms";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (!allowed.isInstance(cause)) {
        return "threw " + cause;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    if (allocated[0] > CASE_ALLOCATION_BYTES) {
      return "allocated " + allocated[0] / (1024 * 1024) + " MB (budget " + CASE_ALLOCATION_BYTES / (1024 * 1024)
          + " MB)";
    }
    return null;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
  }

  private static String shortened(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "... (" + s.length() + " chars)" : s;
  }
}
