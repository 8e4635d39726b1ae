/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.AssayException;

/** A canary plan could not be read: the message names the step position and field, e.g. {@code steps[3].pause}. */
public final class PlanException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public PlanException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and where
   * @param cause the cause
   */
  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
