/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.AssayException;

/**
 * A query that failed in transport, HTTP status or protocol. The message is the text Argo records on the Error
 * measurement (for example {@code server_error: server error: 503}); it may still contain secret values, which
 * the provider redacts.
 */
public final class QueryException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the measurement message
   */
  public QueryException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message the measurement message
   * @param cause the underlying failure
   */
  public QueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
