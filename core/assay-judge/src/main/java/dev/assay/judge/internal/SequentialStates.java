/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import dev.assay.model.Measurement;
import dev.assay.model.MetricResult;
import dev.assay.stats.SequentialJudge;
import dev.assay.stats.SequentialState;
import java.util.List;
import java.util.Optional;

/**
 * Where the sequential judge keeps its state between the looks of a run: in the metadata of every measurement it
 * makes (key {@value #KEY}, also on Error measurements, which carry the previous state forward). The next look
 * reads it from the newest retained measurement that has it, so the state survives the engine's resume from a
 * stored run status, and needs only the newest measurement to be retained. Not API; may change.
 */
public final class SequentialStates {
  /** The metadata key of the state. */
  public static final String KEY = "sequential.state";

  private SequentialStates() {}

  /**
   * The state to continue from, and whether earlier looks were lost.
   *
   * @param state the state after the newest look found, or the judge's start
   * @param lost true when the metric has measurements but none of the retained ones holds a state (for example
   *     the engine recorded only Error measurements of its own since), so the sequence restarts
   */
  public record Prior(SequentialState state, boolean lost) {}

  /**
   * Finds the state of the previous looks.
   *
   * @param result the metric's result so far
   * @param judge the judge, for its empty state and scale
   * @return the prior state
   */
  public static Prior previous(MetricResult result, SequentialJudge judge) {
    List<Measurement> ms = result.measurements();
    for (int i = ms.size() - 1; i >= 0; i--) {
      Optional<SequentialState> s = decode(ms.get(i).metadata().get(KEY));
      if (s.isPresent() && s.get().scale().equals(judge.start().scale())) {
        return new Prior(s.get(), false);
      }
    }
    boolean earlier = !ms.isEmpty() || result.count() + result.error() > 0;
    return new Prior(judge.start(), earlier);
  }

  private static Optional<SequentialState> decode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SequentialState.decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
