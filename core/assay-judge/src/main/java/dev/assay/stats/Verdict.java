/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A judge's decision with its reason and every number behind it.
 *
 * @param decision pass, fail or inconclusive
 * @param reason one sentence for a person, naming the medians, the shift and its interval, the rule and why it
 *     decided
 * @param statistics the numbers
 */
public record Verdict(Decision decision, String reason, JudgeStatistics statistics) {

  /**
   * Validates that nothing is null and the reason is not blank.
   *
   * @param decision pass, fail or inconclusive
   * @param reason one sentence for a person, naming the medians, the shift and its interval, the rule and why it decided
   * @param statistics the numbers
   */
  public Verdict {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(statistics, "statistics");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
  }

  /**
   * The verdict as plain Java values, the {@code result} that analysis conditions read (for example
   * {@code result.verdict == "pass"} or {@code result.ci[1] < 0.1}). The keys are stable; a key that was not
   * computed holds NaN, never null. Iteration order is the order below.
   *
   * <ul>
   *   <li>{@code verdict} (String): {@code "pass"}, {@code "fail"} or {@code "inconclusive"}
   *   <li>{@code reason} (String): the explanation sentence
   *   <li>{@code rule} (String): {@code "non-inferiority"} or {@code "kayenta"}
   *   <li>{@code classification} (String): the rule's own label (Kayenta's {@code Pass}, {@code High}, ...)
   *   <li>{@code pValue} (Double): two-sided p-value of "no shift"
   *   <li>{@code shift} (Double): relative shift, 0.41 = canary 41% above baseline
   *   <li>{@code ratio} (Double): {@code 1 + shift}, the canary's location as a multiple of the baseline's
   *   <li>{@code ci} (List of 2 Double): confidence interval of {@code shift}
   *   <li>{@code confidence} (Double): the interval's confidence level
   *   <li>{@code scale} (String), {@code testShift} (Double), {@code testCi} (List of 2 Double): the
   *       Hodges-Lehmann shift and interval on the test's own scale ({@code "log"} or {@code "absolute"})
   *   <li>{@code nCanary}, {@code nBaseline} (Long): values used
   *   <li>{@code medianCanary}, {@code medianBaseline} (Double): medians in metric units
   *   <li>{@code u}, {@code z} (Double): Mann-Whitney U of the canary and the normal-approximation z
   *   <li>{@code exact} (Boolean): whether exact p-values were used
   *   <li>{@code effectSize} (Double), {@code effectSizeMeasure} (String)
   *   <li>{@code minSampleSize} (Long): values per sample needed when inconclusive for lack of data, else 0; -1
   *       when no size would decide
   *   <li>{@code method} (String): how the interval was computed (see {@link JudgeStatistics#method()})
   *   <li>{@code dropped}, {@code infinite} (Long): values dropped, and infinite values kept as extreme ranks
   * </ul>
   *
   * <p>For the proportion judge, {@code nCanary}/{@code nBaseline} are trials, {@code medianCanary}/
   * {@code medianBaseline} are the event rates, {@code testShift}/{@code testCi} the rate difference (scale
   * {@code "difference"}) or ratio (scale {@code "ratio"}) with its interval, and {@code shift}/{@code ci} the
   * relative change of the rate.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> toResult() {
    JudgeStatistics s = statistics;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", decision.resultName());
    m.put("reason", reason);
    m.put("rule", s.rule());
    m.put("classification", s.classification());
    m.put("pValue", s.pValue());
    m.put("shift", s.relativeShift());
    m.put("ratio", 1 + s.relativeShift());
    m.put("ci", List.of(s.relativeLow(), s.relativeHigh()));
    m.put("confidence", s.confidence());
    m.put("scale", s.scale());
    m.put("testShift", s.shift());
    m.put("testCi", List.of(s.shiftLow(), s.shiftHigh()));
    m.put("nCanary", s.nCanary());
    m.put("nBaseline", s.nBaseline());
    m.put("medianCanary", s.medianCanary());
    m.put("medianBaseline", s.medianBaseline());
    m.put("u", s.u());
    m.put("z", s.z());
    m.put("exact", s.exact());
    m.put("effectSize", s.effectSize());
    m.put("effectSizeMeasure", s.effectSizeMeasure());
    m.put("minSampleSize", s.minSampleSize());
    m.put("method", s.method());
    m.put("dropped", s.droppedValues());
    m.put("infinite", s.infiniteValues());
    return Collections.unmodifiableMap(m);
  }
}
