/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.util.Objects;

/**
 * One look of a {@link SequentialJudge}: the verdict on all data so far and the state to pass to the next look.
 *
 * @param verdict the verdict
 * @param state the state after this look
 */
public record SequentialLook(Verdict verdict, SequentialState state) {
  /**
   * Validates that nothing is null.
   *
   * @param verdict the verdict
   * @param state the state after this look
   */
  public SequentialLook {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(state, "state");
  }
}
