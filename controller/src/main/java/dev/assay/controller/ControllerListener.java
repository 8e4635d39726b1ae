/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.model.AnalysisRun;
import java.time.Duration;
import java.util.Set;

/**
 * Hooks for metrics and logging: what the controller did, as it happens. Every method has a no-op default.
 * Called on the controller's worker and lease threads, concurrently; implementations must be thread-safe and quick
 * (a slow listener delays reconciles). Exceptions thrown here are logged and ignored.
 */
public interface ControllerListener {
  /** A listener that does nothing. */
  ControllerListener NONE = new ControllerListener() {};

  /**
   * A run was reconciled.
   *
   * @param run the run after the reconcile
   * @param schedulingLag how late the reconcile started against the time it was due (zero for one triggered by a
   *     change), on the controller's clock
   */
  default void reconciled(AnalysisRun run, Duration schedulingLag) {}

  /**
   * A new status was written through the status subresource.
   *
   * @param run the run as written
   * @param measurementsTaken how many measurements the reconcile took or resumed
   */
  default void statusWritten(AnalysisRun run, int measurementsTaken) {}

  /**
   * A status write met a newer version of the run (HTTP 409).
   *
   * @param namespace the run's namespace
   * @param name the run's name
   * @param retried true when the status was written again on top of the newer version (its status had not changed),
   *     false when the reconcile was dropped and the run queued again (another writer changed the status)
   */
  default void statusConflict(String namespace, String name, boolean retried) {}

  /**
   * A reconcile failed with an unexpected error; the run is queued again after a back-off.
   *
   * @param namespace the run's namespace
   * @param name the run's name
   * @param error the error
   */
  default void reconcileFailed(String namespace, String name, Exception error) {}

  /**
   * The set of shards this replica owns changed.
   *
   * @param owned the shards now owned, never null
   */
  default void shardsChanged(Set<Integer> owned) {}
}
