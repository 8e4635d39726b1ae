/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import dev.assay.AssayException;

/**
 * A JSONPath template that does not parse, or that fails on the data it is applied to. The message is client-go's
 * text (for example {@code unclosed action}, {@code x is not found},
 * {@code array index out of bounds: index 5, length 2}).
 */
public final class JsonPathException extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message client-go's message text
   */
  public JsonPathException(String message) {
    super(message);
  }
}
