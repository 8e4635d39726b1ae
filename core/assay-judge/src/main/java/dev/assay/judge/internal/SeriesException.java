/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import dev.assay.AssayException;

/**
 * A series that cannot be judged; the message starts with the series ({@code canary series: ...}) and becomes the
 * Error measurement's message. Not API; may change.
 */
public final class SeriesException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the measurement message, naming the series
   */
  public SeriesException(String message) {
    super(message);
  }
}
