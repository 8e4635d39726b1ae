/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.AnalysisRun;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link PlanRunner} needs to continue after a restart, saved through a {@link PlanStore} at every step
 * boundary and state change, and given back to {@link PlanRunner#resume}. A versioned record: {@link #toJson()}
 * writes {@value #FORMAT_VERSION} as {@code formatVersion}, and a later version may add fields (readers of older
 * records fill them with defaults). See {@code docs/controller.md} (plans that survive restarts).
 *
 * @param formatVersion the record format, {@link #FORMAT_VERSION} for records written by this version
 * @param phase the plan phase
 * @param stepIndex the current step (0-based)
 * @param weight the canary weight last set, in percent
 * @param message the status message
 * @param analyses the completed analysis runs, oldest first
 * @param runCounter how many analysis runs were started (names the next one)
 * @param pausedOnInconclusive whether a PAUSED plan waits after an Inconclusive analysis ({@code retry()} reruns it)
 * @param pauseEndsAt when the timed pause in progress ends, or null when not in a timed pause
 * @param analysisInFlight the analysis run in progress as last seen by the runner (a run's newer status may be in
 *     the engine's {@code StatusStore}), or null
 * @param savedAt when the record was saved (the runner's clock)
 * @param revisions the revision history (format version 2; {@link RevisionHistory#NONE} in a version-1 record)
 */
public record PlanState(
    int formatVersion,
    PlanPhase phase,
    int stepIndex,
    int weight,
    String message,
    List<AnalysisRun> analyses,
    int runCounter,
    boolean pausedOnInconclusive,
    @Nullable Instant pauseEndsAt,
    @Nullable AnalysisRun analysisInFlight,
    Instant savedAt,
    RevisionHistory revisions) {

  /** The format version this version of Assay writes: 2 added {@code revisions}. */
  public static final int FORMAT_VERSION = 2;

  /**
   * Validates and copies.
   *
   * @param formatVersion the record format, {@link #FORMAT_VERSION} for records written by this version
   * @param phase the plan phase
   * @param stepIndex the current step (0-based)
   * @param weight the canary weight last set, in percent
   * @param message the status message
   * @param analyses the completed analysis runs, oldest first
   * @param runCounter how many analysis runs were started (names the next one)
   * @param pausedOnInconclusive whether a PAUSED plan waits after an Inconclusive analysis ({@code retry()} reruns it)
   * @param pauseEndsAt when the timed pause in progress ends, or null when not in a timed pause
   * @param analysisInFlight the analysis run in progress as last seen by the runner (a run's newer status may be in
   *     the engine's {@code StatusStore}), or null
   * @param savedAt when the record was saved (the runner's clock)
   * @param revisions the revision history (format version 2; {@link RevisionHistory#NONE} in a version-1 record)
   */
  public PlanState {
    if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
      throw new PlanException("plan state format version " + formatVersion + " is not supported (this Assay reads "
          + "1 to " + FORMAT_VERSION + "); resume it with the Assay version that saved it or a newer one");
    }
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(message, "message");
    analyses = List.copyOf(analyses);
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(revisions, "revisions");
    if (formatVersion < 2 && !revisions.isEmpty()) {
      throw new PlanException("plan state format version " + formatVersion + " has no revisions; use "
          + FORMAT_VERSION);
    }
  }

  /**
   * A state without revisions, as format version 1 had.
   *
   * @param formatVersion the record format
   * @param phase the plan phase
   * @param stepIndex the current step (0-based)
   * @param weight the canary weight last set, in percent
   * @param message the status message
   * @param analyses the completed analysis runs, oldest first
   * @param runCounter how many analysis runs were started
   * @param pausedOnInconclusive whether a PAUSED plan waits after an Inconclusive analysis
   * @param pauseEndsAt when the timed pause in progress ends, or null
   * @param analysisInFlight the analysis run in progress, or null
   * @param savedAt when the record was saved
   */
  public PlanState(int formatVersion, PlanPhase phase, int stepIndex, int weight, String message,
      List<AnalysisRun> analyses, int runCounter, boolean pausedOnInconclusive, @Nullable Instant pauseEndsAt,
      @Nullable AnalysisRun analysisInFlight, Instant savedAt) {
    this(formatVersion, phase, stepIndex, weight, message, analyses, runCounter, pausedOnInconclusive, pauseEndsAt,
        analysisInFlight, savedAt, RevisionHistory.NONE);
  }

  /**
   * The record as JSON (analysis runs in Argo's AnalysisRun format), for stores that keep text.
   *
   * @return the JSON text
   */
  public String toJson() {
    return dev.assay.plan.internal.PlanStateJson.write(this);
  }

  /**
   * Reads a record written by {@link #toJson()} of this or an earlier version.
   *
   * @param json the JSON text
   * @return the record
   * @throws PlanException with the field path when the text is not a plan state this version can read
   */
  public static PlanState fromJson(String json) {
    return dev.assay.plan.internal.PlanStateJson.read(json);
  }
}
