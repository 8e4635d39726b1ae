/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.AssayException;

/** A Prometheus metric whose settings cannot be used; the message is Argo's text for the same problem. */
public final class ProviderSettingsException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message Argo's message, naming the field
   */
  public ProviderSettingsException(String message) {
    super(message);
  }
}
