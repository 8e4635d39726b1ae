/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An HTTP header set on provider requests.
 *
 * @param key the header name
 * @param value the header value (may contain {@code {{args.x}}}; redacted from messages when it holds a secret)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Header(String key, String value) {
  /**
   * Validates the components.
   *
   * @param key the header name
   * @param value the header value (may contain {@code {{args.x}}}; redacted from messages when it holds a secret)
   */
  public Header {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "Header[key=" + key + ", value=*****]";
  }
}
