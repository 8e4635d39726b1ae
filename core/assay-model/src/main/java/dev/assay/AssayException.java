/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay;

/**
 * Root of every exception Assay throws on purpose. Each area has its own subclasses (for example
 * {@code TemplateValidationException}, {@code ExpressionException}), so callers can catch one type for "anything
 * Assay rejected" and a narrower one for a specific problem. Messages never contain secret values.
 */
public class AssayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, for a person; never contains secret values
   */
  public AssayException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, for a person; never contains secret values
   * @param cause the underlying failure
   */
  public AssayException(String message, Throwable cause) {
    super(message, cause);
  }
}
