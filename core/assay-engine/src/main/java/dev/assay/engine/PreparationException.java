/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.AssayException;

/** A run could not be prepared; the message is the run's Error message, for example {@code Analysis spec invalid: ...}. */
final class PreparationException extends AssayException {
  private static final long serialVersionUID = 1L;

  PreparationException(String message) {
    super(message);
  }
}
