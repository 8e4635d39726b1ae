/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/**
 * Compares a canary sample with a baseline sample of the same metric and explains the decision.
 *
 * <p>Implementations are immutable, thread-safe and deterministic (the same input always gives the same verdict).
 * Data problems (NaN, empty or too small samples) are answered with a {@link Decision#INCONCLUSIVE} or
 * {@link Decision#FAIL} verdict, never with an exception.
 */
public interface CanaryJudge {
  /**
   * Judges the canary against the baseline. The arrays are not modified.
   *
   * @param canary the canary's values, for example one latency per scrape step
   * @param baseline the baseline's (or stable version's) values of the same metric
   * @return the explained verdict
   */
  Verdict judge(double[] canary, double[] baseline);
}
