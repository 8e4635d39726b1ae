/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.gotext.GoText;

/**
 * Writes a value as Go's {@code json.Marshal} does, which is how Argo fills a Web measurement's {@code value}: the
 * node as Argo's decoded {@code interface{}} ({@link Values#toJava(JsonNode)}) through {@link GoText#jsonMarshal}.
 */
public final class GoJson {
  private GoJson() {}

  /**
   * Encodes a value.
   *
   * @param value the value; a missing node encodes as {@code null}
   * @return the JSON text
   */
  public static String marshal(JsonNode value) {
    return GoText.jsonMarshal(Values.toJava(value));
  }
}
