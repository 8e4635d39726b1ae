/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.time;

/** A scheduled task that can still be cancelled. */
@FunctionalInterface
public interface Cancellable {
  /**
   * Cancels the task if it has not started. Safe to call more than once and from any thread.
   *
   * @return true when this call prevented the task from running
   */
  boolean cancel();
}
