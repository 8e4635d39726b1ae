/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import dev.assay.AssayException;

/**
 * A statistical computation was asked for something it cannot do, for example a test on a sample that has no finite
 * values. Judges never throw it for data problems: they answer with an inconclusive {@link Verdict} instead.
 */
public class StatisticsException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the argument and the bad value
   */
  public StatisticsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the argument and the bad value
   * @param cause the underlying failure
   */
  public StatisticsException(String message, Throwable cause) {
    super(message, cause);
  }
}
