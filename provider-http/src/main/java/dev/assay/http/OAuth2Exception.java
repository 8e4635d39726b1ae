/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.http;

import dev.assay.AssayException;

/**
 * A token request failed. The message is the Go oauth2 library's text, such as
 * {@code oauth2: cannot fetch token: 401 Unauthorized\nResponse: ...}, with every secret replaced by {@code *****}.
 */
public final class OAuth2Exception extends AssayException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the redacted message
   */
  public OAuth2Exception(String message) {
    super(message);
  }
}
