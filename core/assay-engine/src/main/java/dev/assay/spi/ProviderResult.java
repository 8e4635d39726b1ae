/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import dev.assay.model.AnalysisPhase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider call produced. Exactly one of four outcomes:
 *
 * <ul>
 *   <li>{@link Observed}: a value; the engine evaluates the metric's conditions on it (Prometheus, Web);
 *   <li>{@link Decided}: the provider decided the phase itself (Job: Complete, Failed, image-pull errors);
 *   <li>{@link Pending}: the measurement is still in flight; poll again at {@code resumeAt};
 *   <li>{@link Errored}: the measurement failed (transport, protocol, bad settings): an Error measurement.
 * </ul>
 *
 * <p>A provider may also throw: the engine turns any exception into an Error measurement with its message.
 */
public sealed interface ProviderResult
    permits ProviderResult.Observed, ProviderResult.Decided, ProviderResult.Pending, ProviderResult.Errored {

  /**
   * Provider data for the measurement ({@code Measurement.metadata}), never null.
   *
   * @return the metadata
   */
  Map<String, String> metadata();

  /**
   * A value for the conditions.
   *
   * @param value the value as plain Java: Double, Long, String, Boolean, List, Map, or null for no value. Its
   *     shape is the type conditions see, as in Argo (docs/conditions.md, "Result types"): a
   *     {@code dev.assay.expr.FloatVector} or {@code double[]} is {@code []float64} (Prometheus vector), any other
   *     List is {@code []interface {}} (web JSON array; keep JSON numbers as Double), a Double is {@code float64}
   * @param display the value as text for {@code Measurement.value}, as Argo formats it for this provider
   * @return the result
   */
  static ProviderResult observed(@Nullable Object value, String display) {
    return new Observed(value, display, Map.of());
  }

  /**
   * A phase the provider decided.
   *
   * @param phase a completed phase
   * @param message the measurement message (empty for none)
   * @return the result
   */
  static ProviderResult decided(AnalysisPhase phase, String message) {
    return new Decided(phase, message, "", Map.of());
  }

  /**
   * A measurement still in flight.
   *
   * @param resumeAt when to poll again, or null for "only on an external event"
   * @return the result
   */
  static ProviderResult pending(@Nullable Instant resumeAt) {
    return new Pending(resumeAt, Map.of());
  }

  /**
   * A failed measurement.
   *
   * @param message why (no secret values)
   * @return the result
   */
  static ProviderResult error(String message) {
    return new Errored(message, Map.of());
  }

  /**
   * A copy of this result with metadata.
   *
   * @param metadata the metadata (copied, order kept)
   * @return the copy
   */
  ProviderResult withMetadata(Map<String, String> metadata);

  /**
   * A value for the engine to judge with the metric's conditions.
   *
   * @param value the value (Double, Long, String, Boolean, List, Map), or null
   * @param display the value text for the measurement
   * @param metadata measurement metadata
   */
  record Observed(@Nullable Object value, String display, Map<String, String> metadata) implements ProviderResult {
    /**
     * Validates and copies.
     *
     * @param value the value (Double, Long, String, Boolean, List, Map), or null
     * @param display the value text for the measurement
     * @param metadata measurement metadata
     */
    public Observed {
      Objects.requireNonNull(display, "display");
      metadata = copy(metadata);
    }

    @Override
    public ProviderResult withMetadata(Map<String, String> newMetadata) {
      return new Observed(value, display, newMetadata);
    }
  }

  /**
   * A phase decided by the provider.
   *
   * @param phase a completed phase
   * @param message the measurement message
   * @param display the value text for the measurement (often empty)
   * @param metadata measurement metadata
   */
  record Decided(AnalysisPhase phase, String message, String display, Map<String, String> metadata)
      implements ProviderResult {
    /**
     * Validates and copies.
     *
     * @param phase a completed phase
     * @param message the measurement message
     * @param display the value text for the measurement (often empty)
     * @param metadata measurement metadata
     */
    public Decided {
      Objects.requireNonNull(phase, "phase");
      if (!phase.isCompleted()) {
        throw new IllegalArgumentException("phase must be a completed phase, but was " + phase);
      }
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(display, "display");
      metadata = copy(metadata);
    }

    @Override
    public ProviderResult withMetadata(Map<String, String> newMetadata) {
      return new Decided(phase, message, display, newMetadata);
    }
  }

  /**
   * A measurement still in flight.
   *
   * @param resumeAt when to poll again, or null
   * @param metadata measurement metadata
   */
  record Pending(@Nullable Instant resumeAt, Map<String, String> metadata) implements ProviderResult {
    /**
     * Copies.
     *
     * @param resumeAt when to poll again, or null
     * @param metadata measurement metadata
     */
    public Pending {
      metadata = copy(metadata);
    }

    @Override
    public ProviderResult withMetadata(Map<String, String> newMetadata) {
      return new Pending(resumeAt, newMetadata);
    }
  }

  /**
   * A failed measurement.
   *
   * @param message why
   * @param metadata measurement metadata
   */
  record Errored(String message, Map<String, String> metadata) implements ProviderResult {
    /**
     * Validates and copies.
     *
     * @param message why
     * @param metadata measurement metadata
     */
    public Errored {
      Objects.requireNonNull(message, "message");
      metadata = copy(metadata);
    }

    @Override
    public ProviderResult withMetadata(Map<String, String> newMetadata) {
      return new Errored(message, newMetadata);
    }
  }

  private static Map<String, String> copy(Map<String, String> m) {
    return m == null || m.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
