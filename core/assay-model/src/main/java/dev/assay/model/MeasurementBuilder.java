/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Measurement}. Not thread-safe. */
public final class MeasurementBuilder {
  private AnalysisPhase phase;
  private String message;
  private @Nullable Instant startedAt;
  private @Nullable Instant finishedAt;
  private String value;
  private Map<String, String> metadata;
  private @Nullable Instant resumeAt;

  MeasurementBuilder(Measurement m) {
    phase = m.phase();
    message = m.message();
    startedAt = m.startedAt();
    finishedAt = m.finishedAt();
    value = m.value();
    metadata = m.metadata();
    resumeAt = m.resumeAt();
  }

  /**
   * Sets the phase.
   *
   * @param phase the phase
   * @return this builder
   */
  public MeasurementBuilder phase(AnalysisPhase phase) {
    this.phase = Objects.requireNonNull(phase, "phase");
    return this;
  }

  /**
   * Sets the message.
   *
   * @param message the message; empty for none
   * @return this builder
   */
  public MeasurementBuilder message(String message) {
    this.message = Objects.requireNonNull(message, "message");
    return this;
  }

  /**
   * Sets the start time.
   *
   * @param startedAt the time, or null
   * @return this builder
   */
  public MeasurementBuilder startedAt(@Nullable Instant startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  /**
   * Sets the finish time.
   *
   * @param finishedAt the time, or null while in flight
   * @return this builder
   */
  public MeasurementBuilder finishedAt(@Nullable Instant finishedAt) {
    this.finishedAt = finishedAt;
    return this;
  }

  /**
   * Sets the value text.
   *
   * @param value the value; empty for none
   * @return this builder
   */
  public MeasurementBuilder value(String value) {
    this.value = Objects.requireNonNull(value, "value");
    return this;
  }

  /**
   * Sets the metadata.
   *
   * @param metadata the metadata
   * @return this builder
   */
  public MeasurementBuilder metadata(Map<String, String> metadata) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    return this;
  }

  /**
   * Sets when to poll again.
   *
   * @param resumeAt the time, or null
   * @return this builder
   */
  public MeasurementBuilder resumeAt(@Nullable Instant resumeAt) {
    this.resumeAt = resumeAt;
    return this;
  }

  /**
   * Builds the measurement.
   *
   * @return the measurement
   */
  public Measurement build() {
    return new Measurement(phase, message, startedAt, finishedAt, value, metadata, resumeAt);
  }
}
