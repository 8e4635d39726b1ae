/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.model.MetricResultBuilder;

/** Argo's counter updates for a completed measurement (docs/argo-semantics.md §2.4). */
final class Counters {
  private Counters() {}

  static MetricResult apply(MetricResult r, Measurement m) {
    MetricResultBuilder b = r.toBuilder();
    switch (m.phase()) {
      case SUCCESSFUL:
        return b.successful(r.successful() + 1).count(r.count() + 1).consecutiveError(0)
            .consecutiveSuccess(r.consecutiveSuccess() + 1).build();
      case FAILED:
        return b.failed(r.failed() + 1).count(r.count() + 1).consecutiveError(0).consecutiveSuccess(0).build();
      case INCONCLUSIVE:
        return b.inconclusive(r.inconclusive() + 1).count(r.count() + 1).consecutiveError(0).consecutiveSuccess(0)
            .build();
      case ERROR:
        return b.error(r.error() + 1).consecutiveError(r.consecutiveError() + 1).consecutiveSuccess(0).build();
      default:
        return r;
    }
  }
}
