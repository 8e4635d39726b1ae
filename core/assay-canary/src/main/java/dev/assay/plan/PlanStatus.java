/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.AnalysisRun;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a plan run.
 *
 * @param phase where the run stands
 * @param stepIndex the current step (0-based); equal to the number of steps when promoted
 * @param weight the canary weight last set, 0 to 100
 * @param message why the plan paused or rolled back, or the last progress; never null
 * @param analyses the analysis runs completed so far, oldest first (their status explains each verdict)
 * @param revisions the revision history: {@code revisions.stableRevision()} and {@code canaryRevision()} are the
 *     current stable and canary numbers ({@link RevisionHistory#NONE} for a plan without revisions)
 */
public record PlanStatus(PlanPhase phase, int stepIndex, int weight, String message, List<AnalysisRun> analyses,
    RevisionHistory revisions) {
  /**
   * Validates and copies.
   *
   * @param phase where the run stands
   * @param stepIndex the current step (0-based); equal to the number of steps when promoted
   * @param weight the canary weight last set, 0 to 100
   * @param message why the plan paused or rolled back, or the last progress; never null
   * @param analyses the analysis runs completed so far, oldest first (their status explains each verdict)
   * @param revisions the revision history: {@code revisions.stableRevision()} and {@code canaryRevision()} are the
   *     current stable and canary numbers ({@link RevisionHistory#NONE} for a plan without revisions)
   */
  public PlanStatus {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    analyses = List.copyOf(analyses);
    Objects.requireNonNull(revisions, "revisions");
  }

  /**
   * A status of a plan without revisions.
   *
   * @param phase where the run stands
   * @param stepIndex the current step (0-based)
   * @param weight the canary weight last set, 0 to 100
   * @param message why the plan paused or rolled back, or the last progress
   * @param analyses the analysis runs completed so far, oldest first
   */
  public PlanStatus(PlanPhase phase, int stepIndex, int weight, String message, List<AnalysisRun> analyses) {
    this(phase, stepIndex, weight, message, analyses, RevisionHistory.NONE);
  }
}
