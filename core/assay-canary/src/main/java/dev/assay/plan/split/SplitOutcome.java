/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split;

/** What a traffic-split check concluded. */
public enum SplitOutcome {
  /** The canary share seen is consistent with the weight set (p-value at or above alpha). */
  CONSISTENT,
  /** The canary share seen is not what the weight says (p-value below alpha, or any canary response at 0%). */
  BROKEN,
  /** Too many requests failed or could not be classified to say either (a person decides, as for Inconclusive). */
  INCONCLUSIVE
}
