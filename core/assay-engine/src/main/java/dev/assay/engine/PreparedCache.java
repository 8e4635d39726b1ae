/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRunSpec;
import org.jspecify.annotations.Nullable;

/**
 * The placeholder-secret preparation of one run's spec, kept by the run's driver. Resolution without secrets is a
 * pure function of the spec, so it is reused while the driver holds the very same spec object. Not thread-safe: one
 * run is reconciled by one thread at a time.
 */
final class PreparedCache {
  private @Nullable AnalysisRunSpec spec;
  private @Nullable Prepared prepared;

  @Nullable Prepared get(AnalysisRunSpec current) {
    return current == spec ? prepared : null;
  }

  void put(AnalysisRunSpec current, Prepared value) {
    spec = current;
    prepared = value;
  }
}
