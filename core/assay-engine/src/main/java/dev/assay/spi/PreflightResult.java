/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import java.util.Objects;

/**
 * What a provider's pre-flight check of one metric found ({@link MetricProvider#preflight}); see
 * {@code docs/preflight.md}. Immutable.
 *
 * @param outcome passed, failed, or nothing to check
 * @param detail for {@link Outcome#FAILED}, the cause, naming what was checked (for example the query and the
 *     server's answer); for {@link Outcome#PASSED}, what was checked; empty for {@link Outcome#NOT_CHECKED}. Never
 *     holds a secret value: providers redact with {@link MeasurementContext#redact(String)}
 */
public record PreflightResult(Outcome outcome, String detail) {
  private static final PreflightResult NOT_CHECKED = new PreflightResult(Outcome.NOT_CHECKED, "");

  /** The outcomes of a pre-flight check. */
  public enum Outcome {
    /** The provider checked what it could and found nothing wrong. */
    PASSED,
    /** The metric cannot work: the run fails at once with the detail. */
    FAILED,
    /** The provider has nothing to check before the first measurement. */
    NOT_CHECKED
  }

  /**
   * Validates the components.
   *
   * @param outcome passed, failed, or nothing to check
   * @param detail for {@link Outcome#FAILED}, the cause, naming what was checked (for example the query and the server's answer); for {@link Outcome#PASSED}, what was checked; empty for {@link Outcome#NOT_CHECKED}. Never holds a secret value: providers redact with {@link MeasurementContext#redact(String)}
   */
  public PreflightResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * The check passed.
   *
   * @param what what was checked, for logs
   * @return the result
   */
  public static PreflightResult passed(String what) {
    return new PreflightResult(Outcome.PASSED, what);
  }

  /**
   * The check failed.
   *
   * @param cause what is wrong, naming what was checked (the query, the URL) and the underlying cause
   * @return the result
   */
  public static PreflightResult failed(String cause) {
    return new PreflightResult(Outcome.FAILED, cause);
  }

  /**
   * Nothing to check (the default of {@link MetricProvider#preflight}).
   *
   * @return the result
   */
  public static PreflightResult notChecked() {
    return NOT_CHECKED;
  }

  /**
   * Whether the check failed.
   *
   * @return true for {@link Outcome#FAILED}
   */
  public boolean isFailed() {
    return outcome == Outcome.FAILED;
  }
}
