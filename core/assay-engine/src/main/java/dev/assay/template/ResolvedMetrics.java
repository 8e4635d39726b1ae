/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Metrics with their arguments substituted, and the secret values that went into them (to redact from anything shown
 * to people). {@link #toString()} shows only metric names and how many secrets there are. Immutable.
 *
 * @param metrics the resolved metrics, in the input order; they may contain secret values
 * @param secretValues the values of secret arguments, in argument order, never null
 */
public record ResolvedMetrics(List<Metric> metrics, List<String> secretValues) {
  /** The text that replaces each secret value. */
  public static final String REDACTED = "*****";

  /**
   * Copies the lists.
   *
   * @param metrics the resolved metrics, in the input order; they may contain secret values
   * @param secretValues the values of secret arguments, in argument order, never null
   */
  public ResolvedMetrics {
    metrics = List.copyOf(metrics);
    secretValues = List.copyOf(secretValues);
  }

  /**
   * Replaces every non-empty secret value in a text with {@value #REDACTED}.
   *
   * @param text the text
   * @return the text without secret values
   */
  public String redact(String text) {
    return redact(text, secretValues);
  }

  static String redact(String text, List<String> secrets) {
    String out = text;
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>(metrics.size());
    for (Metric m : metrics) {
      names.add(redact(m.name()));
    }
    return "ResolvedMetrics[metrics=" + names + ", secretValues=" + secretValues.size() + " redacted]";
  }
}
