/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import dev.assay.AssayException;

/**
 * Text that is not a Go duration. The message is Go's {@code time.ParseDuration} error, word for word, for example
 * {@code time: unknown unit "s-typo" in duration "60s-typo"}.
 */
public final class InvalidDurationException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message Go's error text
   */
  public InvalidDurationException(String message) {
    super(message);
  }
}
