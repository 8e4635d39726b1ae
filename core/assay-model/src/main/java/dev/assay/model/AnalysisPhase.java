/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The phase of an analysis run, a metric result or a measurement, with Argo Rollouts' wire names.
 *
 * <p>{@link #NONE} is Argo's empty phase ({@code ""}): a run or result that has not been assessed yet. It is
 * written as an absent field.
 */
public enum AnalysisPhase {
  /** Not assessed yet (Argo's {@code ""}). */
  NONE(""),
  /** Waiting to start (for example inside an {@code initialDelay}). */
  PENDING("Pending"),
  /** In progress. */
  RUNNING("Running"),
  /** Completed and passed. */
  SUCCESSFUL("Successful"),
  /** Completed and failed: the rollout aborts. */
  FAILED("Failed"),
  /** Completed with errors: the rollout aborts. */
  ERROR("Error"),
  /** Completed without a decision: the rollout pauses. */
  INCONCLUSIVE("Inconclusive");

  private final String wireName;

  AnalysisPhase(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name Argo Rollouts writes, for example {@code "Successful"}; {@code ""} for {@link #NONE}.
   *
   * @return the wire name
   */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name. Unknown names rank like {@link #NONE}, as Argo treats them.
   *
   * @param name the wire name; {@code null} or empty gives {@link #NONE}
   * @return the phase
   */
  @JsonCreator
  public static AnalysisPhase fromWireName(@org.jspecify.annotations.Nullable String name) {
    if (name == null) {
      return NONE;
    }
    for (AnalysisPhase p : values()) {
      if (p.wireName.equals(name)) {
        return p;
      }
    }
    return NONE;
  }

  /**
   * Whether this phase is terminal: Successful, Failed, Error or Inconclusive.
   *
   * @return true for a completed phase
   */
  public boolean isCompleted() {
    return this == SUCCESSFUL || this == FAILED || this == ERROR || this == INCONCLUSIVE;
  }

  /**
   * Argo's {@code IsWorse}, read the other way round: whether this phase ranks strictly worse than {@code other} in
   * the order
   * Successful &lt; Running &lt; Pending &lt; Inconclusive &lt; Error &lt; Failed ({@link #NONE} ranks like Successful).
   *
   * @param other the phase to compare with
   * @return true when this phase ranks strictly worse than {@code other}
   */
  public boolean isWorseThan(AnalysisPhase other) {
    return severity(this) > severity(other);
  }

  private static int severity(AnalysisPhase p) {
    switch (p) {
      case RUNNING:
        return 1;
      case PENDING:
        return 2;
      case INCONCLUSIVE:
        return 3;
      case ERROR:
        return 4;
      case FAILED:
        return 5;
      default:
        return 0;
    }
  }
}
