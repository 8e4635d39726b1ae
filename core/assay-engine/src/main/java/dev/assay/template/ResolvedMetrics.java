/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.Metric;
import dev.assay.spi.Redaction;
import dev.assay.spi.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * Metrics with their arguments substituted, and the secret values that went into them (to redact from anything shown
 * to people). {@link #toString()} shows only metric names and how many secrets there are. Immutable.
 *
 * @param metrics the resolved metrics, in the input order; they may contain secret values
 * @param secrets the values of secret arguments, in argument order, never null
 */
public record ResolvedMetrics(List<Metric> metrics, List<Secret> secrets) {
  /** The text that replaces each secret value. */
  public static final String REDACTED = Secret.REDACTED;

  /**
   * Copies the lists.
   *
   * @param metrics the resolved metrics, in the input order; they may contain secret values
   * @param secrets the values of secret arguments, in argument order, never null
   */
  public ResolvedMetrics {
    metrics = List.copyOf(metrics);
    secrets = List.copyOf(secrets);
  }

  /**
   * Replaces every rendering of every secret value in a text with {@value #REDACTED}.
   *
   * @param text the text
   * @return the text without secret values
   */
  public String redact(String text) {
    return redact(text, secrets);
  }

  static String redact(String text, List<Secret> secrets) {
    return Redaction.of(secrets).redact(text);
  }

  @Override
  public String toString() {
    List<String> names = new ArrayList<>(metrics.size());
    for (Metric m : metrics) {
      names.add(redact(m.name()));
    }
    return "ResolvedMetrics[metrics=" + names + ", secrets=" + secrets.size() + " redacted]";
  }
}
