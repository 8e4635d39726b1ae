/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

/**
 * Persists a {@link PlanRunner}'s progress, as {@code StatusStore} does for analysis runs: the runner saves a
 * {@link PlanState} at every step boundary and state change, and after a restart {@link PlanRunner#resume} continues
 * from the last one saved. The analysis in progress continues from the newest status the engine's
 * {@code StatusStore} saved, so give both stores the same durability.
 *
 * <p>Called with the runner's lock held, one call at a time per runner; keep it quick.
 */
@FunctionalInterface
public interface PlanStore {
  /** A store that keeps nothing. */
  PlanStore NONE = state -> {};

  /**
   * Saves the runner's state.
   *
   * @param state the state (replaces the previous one)
   * @throws Exception when saving fails; the runner logs it, keeps going and saves again at the next change
   */
  void save(PlanState state) throws Exception;
}
