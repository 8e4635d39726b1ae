/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import java.io.IOException;

/** A response body that is JSON but not the shape of a Prometheus API response. */
public final class ResponseFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, naming the field
   */
  public ResponseFormatException(String message) {
    super(message);
  }
}
