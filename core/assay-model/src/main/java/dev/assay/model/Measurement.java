/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One measurement of a metric. A measurement is in flight while {@code finishedAt} is null, whatever its phase says.
 *
 * @param phase the outcome (Running while in flight)
 * @param message why it came out this way; empty when there is nothing to say
 * @param startedAt when it started, or null
 * @param finishedAt when it finished, or null while in flight
 * @param value the measured value as text (for example {@code [0.95]}); empty when none
 * @param metadata provider data, never null
 * @param resumeAt when to poll an in-flight measurement again, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Measurement(
    AnalysisPhase phase,
    String message,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    String value,
    Map<String, String> metadata,
    @Nullable Instant resumeAt) {

  /**
   * Normalises absent values and copies the metadata (keeping its order).
   *
   * @param phase the outcome (Running while in flight)
   * @param message why it came out this way; empty when there is nothing to say
   * @param startedAt when it started, or null
   * @param finishedAt when it finished, or null while in flight
   * @param value the measured value as text (for example {@code [0.95]}); empty when none
   * @param metadata provider data, never null
   * @param resumeAt when to poll an in-flight measurement again, or null
   */
  public Measurement {
    phase = Objects.requireNonNullElse(phase, AnalysisPhase.NONE);
    message = Objects.requireNonNullElse(message, "");
    value = Objects.requireNonNullElse(value, "");
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * Whether the measurement is still in flight ({@code finishedAt} not set).
   *
   * @return true while in flight
   */
  @JsonIgnore
  public boolean isInFlight() {
    return finishedAt == null;
  }

  /**
   * A builder holding this measurement's values.
   *
   * @return a new builder
   */
  public MeasurementBuilder toBuilder() {
    return new MeasurementBuilder(this);
  }

  /**
   * A builder for a new measurement (phase Running, nothing else set).
   *
   * @return a new builder
   */
  public static MeasurementBuilder builder() {
    return new MeasurementBuilder(
        new Measurement(AnalysisPhase.RUNNING, "", null, null, "", Map.of(), null));
  }
}
