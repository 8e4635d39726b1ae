/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

/** Where a plan run stands, as an Argo Rollout would report it. */
public enum PlanPhase {
  /** Not started yet. */
  NOT_STARTED,
  /** Walking the steps (setting weights, in a timed pause, or waiting for an analysis). */
  PROGRESSING,
  /** Stopped until {@link PlanRunner#promote()}: an indefinite pause, or an Inconclusive analysis. */
  PAUSED,
  /** Every step passed (or {@link PlanRunner#promoteFull()}): the canary has 100% of traffic. */
  PROMOTED,
  /** An analysis Failed or Errored, or {@link PlanRunner#abort()} was called: the canary has 0% of traffic. */
  ROLLED_BACK;

  /**
   * Whether the plan run is over (promoted or rolled back); {@link PlanRunner#retry()} can restart a rolled-back one.
   *
   * @return true for PROMOTED and ROLLED_BACK
   */
  public boolean isDone() {
    return this == PROMOTED || this == ROLLED_BACK;
  }
}
