/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.model.AnalysisRun;

/** Entry point of the AssertJ assertions: {@code CanaryAssertions.assertThat(run).passes()}. */
public final class CanaryAssertions {
  private CanaryAssertions() {}

  /**
   * Starts an assertion on a run.
   *
   * @param run the run, normally completed
   * @return the assertion
   */
  public static AnalysisRunAssert assertThat(AnalysisRun run) {
    return new AnalysisRunAssert(run);
  }
}
