/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a provider gets for one call: the run, the metric with its arguments resolved (secret values
 * included), the metric's result so far, and the engine clock's current time.
 *
 * <p>Providers must not put secret values into messages or metadata; {@link #redact(String)} replaces each of them
 * with {@code *****}.
 *
 * @param run the run
 * @param metric the resolved metric (arguments substituted, secrets included)
 * @param result the metric's result so far (a fresh one before the first measurement)
 * @param now the current time of the engine clock
 * @param secretValues the values of secret arguments, to redact
 */
public record MeasurementContext(
    RunRef run, Metric metric, MetricResult result, Instant now, List<String> secretValues) {

  /** The text that replaces each secret value. */
  public static final String REDACTED = "*****";

  /**
   * Validates and copies the components.
   *
   * @param run the run
   * @param metric the resolved metric (arguments substituted, secrets included)
   * @param result the metric's result so far (a fresh one before the first measurement)
   * @param now the current time of the engine clock
   * @param secretValues the values of secret arguments, to redact
   */
  public MeasurementContext {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(now, "now");
    secretValues = List.copyOf(secretValues);
  }

  /**
   * Replaces every secret value in a text with {@value #REDACTED}.
   *
   * @param text the text
   * @return the text with secrets redacted
   */
  public String redact(String text) {
    String out = text;
    for (String secret : secretValues) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "MeasurementContext[run=" + run + ", metric=" + metric.name() + ", now=" + now + "]";
  }
}
