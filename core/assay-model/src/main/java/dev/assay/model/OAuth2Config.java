/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.List;
import java.util.Objects;

/**
 * OAuth2 client-credentials settings. Active when {@code tokenUrl} is set.
 *
 * @param tokenUrl the token endpoint; empty when absent
 * @param clientId the client id; empty when absent
 * @param clientSecret the client secret; empty when absent (never shown by {@link #toString()})
 * @param scopes requested scopes, never null
 */
public record OAuth2Config(String tokenUrl, String clientId, String clientSecret, List<String> scopes) {
  /**
   * Normalises absent values to empty ones and copies the scopes.
   *
   * @param tokenUrl the token endpoint; empty when absent
   * @param clientId the client id; empty when absent
   * @param clientSecret the client secret; empty when absent (never shown by {@link #toString()})
   * @param scopes requested scopes, never null
   */
  public OAuth2Config {
    tokenUrl = Objects.requireNonNullElse(tokenUrl, "");
    clientId = Objects.requireNonNullElse(clientId, "");
    clientSecret = Objects.requireNonNullElse(clientSecret, "");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "OAuth2Config[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=*****, scopes=" + scopes
        + "]";
  }
}
