/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import dev.assay.AssayException;

/**
 * A Web measurement that failed before producing a value (bad settings, transport, status, body). The message is the
 * measurement message, shaped like Argo's and already redacted.
 */
public final class WebCallException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the measurement message, with secrets already redacted
   */
  public WebCallException(String message) {
    super(message);
  }
}
