/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.List;
import java.util.Map;

/** Builds a {@link MetricResult}; see the record for the meaning of each field. Not thread-safe. */
public final class MetricResultBuilder {
  private String name;
  private AnalysisPhase phase;
  private List<Measurement> measurements;
  private String message;
  private int count;
  private int successful;
  private int failed;
  private int inconclusive;
  private int error;
  private int consecutiveError;
  private int consecutiveSuccess;
  private boolean dryRun;
  private Map<String,String> metadata;

  MetricResultBuilder(MetricResult r) {
    name = r.name();
    phase = r.phase();
    measurements = r.measurements();
    message = r.message();
    count = r.count();
    successful = r.successful();
    failed = r.failed();
    inconclusive = r.inconclusive();
    error = r.error();
    consecutiveError = r.consecutiveError();
    consecutiveSuccess = r.consecutiveSuccess();
    dryRun = r.dryRun();
    metadata = r.metadata();
  }

  /**
   * Sets {@code name}.
   *
   * @param name the new value
   * @return this builder
   */
  public MetricResultBuilder name(String name) {
    this.name = name;
    return this;
  }

  /**
   * Sets {@code phase}.
   *
   * @param phase the new value
   * @return this builder
   */
  public MetricResultBuilder phase(AnalysisPhase phase) {
    this.phase = phase;
    return this;
  }

  /**
   * Sets {@code measurements}.
   *
   * @param measurements the new value
   * @return this builder
   */
  public MetricResultBuilder measurements(List<Measurement> measurements) {
    this.measurements = measurements;
    return this;
  }

  /**
   * Sets {@code message}.
   *
   * @param message the new value
   * @return this builder
   */
  public MetricResultBuilder message(String message) {
    this.message = message;
    return this;
  }

  /**
   * Sets {@code count}.
   *
   * @param count the new value
   * @return this builder
   */
  public MetricResultBuilder count(int count) {
    this.count = count;
    return this;
  }

  /**
   * Sets {@code successful}.
   *
   * @param successful the new value
   * @return this builder
   */
  public MetricResultBuilder successful(int successful) {
    this.successful = successful;
    return this;
  }

  /**
   * Sets {@code failed}.
   *
   * @param failed the new value
   * @return this builder
   */
  public MetricResultBuilder failed(int failed) {
    this.failed = failed;
    return this;
  }

  /**
   * Sets {@code inconclusive}.
   *
   * @param inconclusive the new value
   * @return this builder
   */
  public MetricResultBuilder inconclusive(int inconclusive) {
    this.inconclusive = inconclusive;
    return this;
  }

  /**
   * Sets {@code error}.
   *
   * @param error the new value
   * @return this builder
   */
  public MetricResultBuilder error(int error) {
    this.error = error;
    return this;
  }

  /**
   * Sets {@code consecutiveError}.
   *
   * @param consecutiveError the new value
   * @return this builder
   */
  public MetricResultBuilder consecutiveError(int consecutiveError) {
    this.consecutiveError = consecutiveError;
    return this;
  }

  /**
   * Sets {@code consecutiveSuccess}.
   *
   * @param consecutiveSuccess the new value
   * @return this builder
   */
  public MetricResultBuilder consecutiveSuccess(int consecutiveSuccess) {
    this.consecutiveSuccess = consecutiveSuccess;
    return this;
  }

  /**
   * Sets {@code dryRun}.
   *
   * @param dryRun the new value
   * @return this builder
   */
  public MetricResultBuilder dryRun(boolean dryRun) {
    this.dryRun = dryRun;
    return this;
  }

  /**
   * Sets {@code metadata}.
   *
   * @param metadata the new value
   * @return this builder
   */
  public MetricResultBuilder metadata(Map<String,String> metadata) {
    this.metadata = metadata;
    return this;
  }

  /**
   * Builds the result.
   *
   * @return the result
   */
  public MetricResult build() {
    return new MetricResult(name, phase, measurements, message, count, successful, failed, inconclusive, error,
        consecutiveError, consecutiveSuccess, dryRun, metadata);
  }
}
