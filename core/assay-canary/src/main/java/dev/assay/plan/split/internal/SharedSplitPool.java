/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import dev.assay.time.Schedulers;
import java.util.concurrent.Executor;

/**
 * The executor split checks of a plan run on when none is given: one small pool of daemon threads
 * ({@code assay-split-<n>}) shared by every runner in the JVM, made on first use; idle threads end on their own.
 */
public final class SharedSplitPool {
  private SharedSplitPool() {}

  private static final class Holder {
    static final Executor POOL = Schedulers.workerPool("split", 2);
  }

  /**
   * The shared pool.
   *
   * @return the executor
   */
  public static Executor get() {
    return Holder.POOL;
  }
}
