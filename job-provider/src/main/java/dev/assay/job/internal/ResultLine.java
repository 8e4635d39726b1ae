/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the JSON last line of a local process into a {@code result}. Numbers become {@code Double}, as Go's
 * {@code encoding/json} decodes them for Argo's Web provider, so conditions behave the same. Thread-safe.
 */
final class ResultLine {
  private static final ObjectReader READER =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).forType(Object.class);

  private ResultLine() {}

  /**
   * Parses one line.
   *
   * @param line the line
   * @return the value: Map, List, String, Double, Boolean, or null for JSON {@code null}
   * @throws JsonProcessingException when the line is not one JSON value
   */
  static @Nullable Object parse(String line) throws JsonProcessingException {
    return normalise(READER.readValue(line));
  }

  private static @Nullable Object normalise(@Nullable Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.put(String.valueOf(e.getKey()), normalise(e.getValue()));
      }
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) value) {
        out.add(normalise(item));
      }
      return out;
    }
    return value;
  }
}
