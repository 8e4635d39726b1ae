/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;

/**
 * HTTP basic authentication.
 *
 * @param username the user name; empty when absent
 * @param password the password; empty when absent (never shown by {@link #toString()})
 */
public record BasicAuth(String username, String password) {
  /**
   * Normalises absent values to empty ones.
   *
   * @param username the user name; empty when absent
   * @param password the password; empty when absent (never shown by {@link #toString()})
   */
  public BasicAuth {
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
  }

  @Override
  public String toString() {
    return "BasicAuth[username=" + username + ", password=*****]";
  }
}
