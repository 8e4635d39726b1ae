/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.AssayException;

/**
 * A judge block ({@code plugin: {assay/judge: ...}}) that cannot be used: a missing series, an unknown key, a value
 * of the wrong type or out of range. The message names the key, for example
 * {@code assay/judge.margin must be a number, but was "abc"}.
 */
public class JudgeSpecException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the key
   */
  public JudgeSpecException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, naming the key
   * @param cause the underlying failure
   */
  public JudgeSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
