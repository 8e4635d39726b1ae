/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import dev.assay.plan.split.SplitOutcome;
import dev.assay.plan.split.SplitVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns counts into a verdict (docs/split-verification.md, "How the verdict is decided"): inconclusive when more than
 * {@code maxFailedShare} of the requests failed; at 0% any canary response and at 100% any stable response is a
 * broken split; otherwise the exact binomial test of the classified responses at {@code alpha}, inconclusive when
 * the count could not have failed it (no canary response, or only canary responses, and too few requests).
 */
public final class SplitDecision {
  private static final int MAX_SEARCH = 10_000;

  private SplitDecision() {}

  /**
   * Decides.
   *
   * @param canary canary responses
   * @param stable stable responses
   * @param failures failure reason to count (unordered)
   * @param total the requests asked for; {@code canary + stable + sum(failures) == total}
   * @param weight the weight set, 0 to 100
   * @param alpha the significance level
   * @param maxFailedShare the share of failures tolerated
   * @return the verdict
   */
  public static SplitVerdict decide(int canary, int stable, Map<String, Integer> failures, int total, int weight,
      double alpha, double maxFailedShare) {
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    int classified = canary + stable;
    double p = weight / 100.0;
    double pValue = TwoSidedBinomial.pValue(canary, classified, p);
    Map<String, Integer> ordered = byCount(failures);
    String head = "canary " + canary + " of " + classified + " at " + weight + "% set: ";
    SplitOutcome outcome;
    String why;
    if (failed > maxFailedShare * total || classified == 0) {
      outcome = SplitOutcome.INCONCLUSIVE;
      why = "inconclusive, " + failed + " of " + total + " requests failed (at most "
          + percent(maxFailedShare) + " may)";
    } else if (weight == 0 && canary > 0) {
      outcome = SplitOutcome.BROKEN;
      why = "split broken (any canary response at 0% is)";
    } else if (weight == 100 && stable > 0) {
      outcome = SplitOutcome.BROKEN;
      why = "split broken (any stable response at 100% is)";
    } else if (pValue < alpha) {
      outcome = SplitOutcome.BROKEN;
      int[] range = TwoSidedBinomial.consistentCounts(classified, p, alpha);
      why = "split broken (" + pText(pValue) + "; " + range[0] + " to " + range[1] + " would be consistent)";
    } else if (!blindSpot(canary, classified, weight, alpha).isEmpty()) {
      // A router that ignores the weight would pass too: a pass here would prove nothing, so a person decides.
      outcome = SplitOutcome.INCONCLUSIVE;
      why = "inconclusive, " + blindSpot(canary, classified, weight, alpha) + " (" + pText(pValue) + ")";
    } else {
      outcome = SplitOutcome.CONSISTENT;
      why = "consistent (" + pText(pValue) + ")";
    }
    String summary = new SplitVerdict(canary, stable, failed, total, weight, pValue, outcome, "", ordered)
        .failureSummary();
    String message = head + why;
    if (outcome == SplitOutcome.INCONCLUSIVE && !summary.isEmpty()) {
      // "... 100 of 100 requests failed (at most 10% may): connection refused ×100"
      message += summary.substring(summary.indexOf(':'));
    } else if (!summary.isEmpty()) {
      message += "; " + summary;
    }
    return new SplitVerdict(canary, stable, failed, total, weight, pValue, outcome, message, ordered);
  }

  /**
   * When no response (or every response) went to the canary and the test still passes, too few requests were sent
   * to tell the weight from 0% (or 100%): a router that ignores the weight would pass too. Says how many would do;
   * empty when the count could have failed.
   */
  private static String blindSpot(int canary, int classified, int weight, double alpha) {
    if (weight == 0 || weight == 100 || (canary != 0 && canary != classified)) {
      return "";
    }
    // By symmetry, "all canary at w%" needs as many requests as "no canary at (100 - w)%".
    double p = canary == 0 ? weight / 100.0 : 1 - weight / 100.0;
    int needed = classified;
    while (needed <= MAX_SEARCH && TwoSidedBinomial.pValue(0, needed, p) >= alpha) {
      needed++;
    }
    String other = canary == 0 ? "0%" : "100%";
    return classified + " responses cannot tell " + weight + "% from " + other + ": send at least "
        + (needed > MAX_SEARCH ? "more" : String.valueOf(needed));
  }

  /**
   * A p-value as shown: {@code p < 0.001}, else two significant digits ({@code p = 0.38}).
   *
   * @param pValue the p-value
   * @return the text
   */
  public static String pText(double pValue) {
    return pValue < 0.001 ? "p < 0.001" : "p = " + String.format(Locale.ROOT, "%.2g", pValue);
  }

  private static String percent(double share) {
    double pct = share * 100;
    return pct == Math.rint(pct) ? (long) pct + "%" : String.format(Locale.ROOT, "%.1f%%", pct);
  }

  private static Map<String, Integer> byCount(Map<String, Integer> failures) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(failures.entrySet());
    entries.removeIf(e -> e.getValue() == 0);
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.<String, Integer>comparingByKey()));
    Map<String, Integer> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
