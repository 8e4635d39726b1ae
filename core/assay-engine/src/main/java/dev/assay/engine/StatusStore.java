/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;

/**
 * Persists a run after every evaluation that changed its status. The status is Argo's status shape and is all the
 * engine needs to continue: after a restart, {@code AnalysisEngine.start(savedRun)} resumes the run without losing or
 * repeating a measurement that was saved.
 *
 * <p>Called on the engine's scheduler thread, one call at a time per run.
 */
@FunctionalInterface
public interface StatusStore {
  /** A store that keeps nothing. */
  StatusStore NONE = run -> {};

  /**
   * Saves a run.
   *
   * @param run the run with its new status
   * @throws Exception when saving fails; the engine logs it, keeps the run going and saves again after the next
   *     change
   */
  void save(AnalysisRun run) throws Exception;
}
