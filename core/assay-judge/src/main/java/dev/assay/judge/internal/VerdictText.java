/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import dev.assay.stats.JudgeStatistics;
import dev.assay.stats.Verdict;
import dev.assay.stats.Formats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of a verdict on a measurement: a one-line value that explains itself in a test report or
 * {@code kubectl get}, and metadata with every number. Not API; may change.
 */
public final class VerdictText {
  private VerdictText() {}

  /**
   * The measurement value: the reason followed by the test's numbers, for example {@code canary median 212 ms vs
   * ...: fail [rule non-inferiority; n 60/60; U 3400, z 5.12, p 3.1E-7; meanRatio 1.41]}.
   *
   * @param verdict the verdict
   * @return one line
   */
  public static String display(Verdict verdict) {
    JudgeStatistics s = verdict.statistics();
    StringBuilder b = new StringBuilder(verdict.reason()).append(" [rule ").append(s.rule())
        .append("; n ").append(s.nCanary()).append('/').append(s.nBaseline());
    if (!Double.isNaN(s.u())) {
      b.append("; U ").append(Formats.number(s.u()));
      if (!Double.isNaN(s.z())) {
        b.append(", z ").append(Formats.number(s.z()));
      }
      b.append(", p ").append(Formats.number(s.pValue())).append(s.exact() ? " (exact)" : "");
    }
    if (!Double.isNaN(s.effectSize())) {
      b.append("; ").append(s.effectSizeMeasure()).append(' ').append(Formats.number(s.effectSize()));
    }
    return b.append(']').toString();
  }

  /**
   * The measurement metadata: every key of {@link Verdict#toResult()} as text (numbers in full precision, lists as
   * {@code [a, b]}).
   *
   * @param verdict the verdict
   * @return an ordered map
   */
  public static Map<String, String> metadata(Verdict verdict) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : verdict.toResult().entrySet()) {
      m.put(e.getKey(), text(e.getValue()));
    }
    return Collections.unmodifiableMap(m);
  }

  private static String text(Object v) {
    if (v instanceof List) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : (List<?>) v) {
        b.append(b.length() > 1 ? ", " : "").append(text(o));
      }
      return b.append(']').toString();
    }
    return String.valueOf(v);
  }
}
