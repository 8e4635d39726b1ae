/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.AnalysisPhase;

/** The exit codes of every command (docs/cli.md, "Exit codes"). */
public final class ExitCodes {
  /** Successful, or a clean lint. */
  public static final int SUCCESSFUL = 0;
  /** Failed, or lint errors. */
  public static final int FAILED = 1;
  /** Inconclusive (a person must decide). */
  public static final int INCONCLUSIVE = 2;
  /** The run errored (a provider or condition kept failing). */
  public static final int ERROR = 3;
  /** Bad input: a missing file, bad YAML, an unknown flag, an unreachable server, a bad time range. */
  public static final int BAD_INPUT = 4;

  private ExitCodes() {}

  /**
   * The exit code for a completed run's phase.
   *
   * @param phase the phase
   * @return 0, 1, 2 or 3
   */
  public static int of(AnalysisPhase phase) {
    switch (phase) {
      case SUCCESSFUL:
        return SUCCESSFUL;
      case FAILED:
        return FAILED;
      case INCONCLUSIVE:
        return INCONCLUSIVE;
      default:
        return ERROR;
    }
  }
}
