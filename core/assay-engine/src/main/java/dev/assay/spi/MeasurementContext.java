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
 * <p>Providers must not put secret values into messages or metadata; {@link #redact(String)} replaces every rendering
 * of each of them (raw, escaped, percent-encoded, base64) with {@value #REDACTED}, and the engine applies it again to
 * everything a provider returns. {@link #toString()} prints no field that could hold a secret.
 *
 * <p>Immutable and thread-safe, except that {@link #redaction()} may learn more secrets during a call.
 */
public final class MeasurementContext {
  /** The text that replaces each secret value. */
  public static final String REDACTED = Secret.REDACTED;

  private final RunRef run;
  private final Metric metric;
  private final MetricResult result;
  private final Instant now;
  private final List<Secret> secrets;
  private final Redaction redaction;

  /**
   * Creates a context.
   *
   * @param run the run
   * @param metric the resolved metric (arguments substituted, secrets included)
   * @param result the metric's result so far (a fresh one before the first measurement)
   * @param now the current time of the engine clock
   * @param secrets the values of secret arguments
   */
  public MeasurementContext(RunRef run, Metric metric, MetricResult result, Instant now, List<Secret> secrets) {
    this.run = Objects.requireNonNull(run, "run");
    this.metric = Objects.requireNonNull(metric, "metric");
    this.result = Objects.requireNonNull(result, "result");
    this.now = Objects.requireNonNull(now, "now");
    this.secrets = List.copyOf(secrets);
    this.redaction = Redaction.of(this.secrets, metric);
  }

  /**
   * The run.
   *
   * @return the run reference
   */
  public RunRef run() {
    return run;
  }

  /**
   * The resolved metric, secret values included.
   *
   * @return the metric
   */
  public Metric metric() {
    return metric;
  }

  /**
   * The metric's result so far.
   *
   * @return the result
   */
  public MetricResult result() {
    return result;
  }

  /**
   * The engine clock's time of this call.
   *
   * @return the time
   */
  public Instant now() {
    return now;
  }

  /**
   * The values of the run's secret arguments.
   *
   * @return the secrets, never null
   */
  public List<Secret> secrets() {
    return secrets;
  }

  /**
   * The redaction of this call: secret arguments and the secrets the metric holds by its shape (passwords, client
   * secrets, credential headers). A provider adds secrets it learns during the call, such as access tokens.
   *
   * @return the redaction
   */
  public Redaction redaction() {
    return redaction;
  }

  /**
   * Replaces every rendering of every secret in a text with {@value #REDACTED}.
   *
   * @param text the text
   * @return the text with secrets redacted
   */
  public String redact(String text) {
    return redaction.redact(text);
  }

  /**
   * A copy of this context for another metric (a provider that delegates to another provider).
   *
   * @param other the metric
   * @return the context with {@code other} as its metric
   */
  public MeasurementContext withMetric(Metric other) {
    return new MeasurementContext(run, other, result, now, secrets);
  }

  @Override
  public String toString() {
    return "MeasurementContext[run=" + run + ", metric=" + metric.name() + ", now=" + now + "]";
  }
}
