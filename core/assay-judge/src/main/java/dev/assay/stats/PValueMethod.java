/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** How {@link MannWhitney} computes p-values and intervals (R's {@code exact = NULL / TRUE / FALSE}). */
public enum PValueMethod {
  /**
   * R's default: the exact distribution when both samples have fewer than 50 values and there are no ties,
   * otherwise the normal approximation.
   */
  AUTO,
  /**
   * The exact distribution whenever there are no ties (with ties R falls back to the normal approximation, and so do
   * we). Limited to {@code m * n <= 10,000}.
   */
  EXACT,
  /** Always the normal approximation (with tie-corrected variance and, if enabled, continuity correction). */
  NORMAL
}
