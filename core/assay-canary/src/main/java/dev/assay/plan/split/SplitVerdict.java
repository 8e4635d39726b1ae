/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a traffic-split check. {@code canary + stable + failed == total}. Immutable and thread-safe.
 *
 * @param canary responses classified as the canary's
 * @param stable responses classified as stable's
 * @param failed requests that failed (connection refused, timed out), responses that could not be classified, and
 *     requests never sent because the time budget ran out
 * @param total the requests the check asked for
 * @param weight the canary weight that was set, 0 to 100
 * @param pValue the exact two-sided binomial p-value of {@code canary} of {@code canary + stable} at
 *     {@code weight}% (1 when nothing was classified; also computed when the outcome is inconclusive)
 * @param outcome consistent, broken or inconclusive
 * @param message one line, such as {@code canary 7 of 100 at 5% set: consistent (p = 0.38)}
 * @param failures why requests failed, reason to count, most frequent first; empty when none failed
 */
public record SplitVerdict(int canary, int stable, int failed, int total, int weight, double pValue,
    SplitOutcome outcome, String message, Map<String, Integer> failures) {
  /**
   * Validates and copies (keeping the order of {@code failures}).
   *
   * @param canary canary responses
   * @param stable stable responses
   * @param failed failed requests
   * @param total requests asked for
   * @param weight the weight set
   * @param pValue the p-value
   * @param outcome the outcome
   * @param message the message
   * @param failures the failure reasons with counts
   */
  public SplitVerdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    if (canary + stable + failed != total) {
      throw new IllegalArgumentException("canary + stable + failed must be total, but " + canary + " + " + stable
          + " + " + failed + " != " + total);
    }
  }

  /**
   * The failures in one phrase, such as {@code 3 requests failed: connection refused ×3}.
   *
   * @return the phrase, or empty when no request failed
   */
  public String failureSummary() {
    if (failed == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder().append(failed)
        .append(failed == 1 ? " request failed: " : " requests failed: ");
    String sep = "";
    for (Map.Entry<String, Integer> e : failures.entrySet()) {
      b.append(sep).append(e.getKey()).append(" \u00d7").append(e.getValue());
      sep = ", ";
    }
    return b.toString();
  }
}
