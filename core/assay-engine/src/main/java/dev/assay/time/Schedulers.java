/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.time;

import dev.assay.time.internal.SystemScheduler;
import java.util.concurrent.ExecutorService;

/** Real-time schedulers and worker pools for applications that embed the engine. */
public final class Schedulers {
  private Schedulers() {}

  /**
   * A scheduler on the system clock, backed by daemon threads named {@code assay-scheduler-<n>}. Thread-safe.
   *
   * @param threads how many threads run due tasks; values below 1 mean 1
   * @return a new scheduler; close it when done
   */
  public static CloseableScheduler system(int threads) {
    return new SystemScheduler(threads);
  }

  /**
   * A fixed pool of daemon threads named {@code assay-<role>-<n>}, for blocking work such as provider calls.
   *
   * @param role the word in the thread names, e.g. {@code provider}
   * @param threads the pool size; values below 1 mean 1
   * @return a new pool; shut it down when done
   */
  public static ExecutorService workerPool(String role, int threads) {
    return SystemScheduler.workerPool(role, threads);
  }
}
