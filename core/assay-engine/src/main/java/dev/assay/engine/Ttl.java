/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.TtlStrategy;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Argo's TTL rule for completed runs (docs/argo-semantics.md §2.12). */
final class Ttl {
  private Ttl() {}

  static boolean expired(AnalysisRun run, Instant now) {
    Integer ttl = ttlSeconds(run);
    Instant completedAt = run.status().completedAt();
    if (ttl == null || completedAt == null) {
      return false;
    }
    long elapsed = Math.floorDiv(Duration.between(completedAt, now).toMillis(), 1000L);
    return elapsed > ttl;
  }

  static @Nullable Instant nextCheck(AnalysisRun run) {
    Integer ttl = ttlSeconds(run);
    Instant completedAt = run.status().completedAt();
    if (ttl == null || completedAt == null) {
      return null;
    }
    return completedAt.plusSeconds(ttl + 1L);
  }

  private static @Nullable Integer ttlSeconds(AnalysisRun run) {
    TtlStrategy s = run.spec().ttlStrategy();
    if (s == null || !run.status().phase().isCompleted()) {
      return null;
    }
    AnalysisPhase phase = run.status().phase();
    if (phase == AnalysisPhase.SUCCESSFUL && s.secondsAfterSuccess() != null) {
      return s.secondsAfterSuccess();
    }
    if (phase == AnalysisPhase.FAILED && s.secondsAfterFailure() != null) {
      return s.secondsAfterFailure();
    }
    return s.secondsAfterCompletion();
  }
}
