/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Kubernetes IntOrString: a field written either as a number ({@code count: 5}) or as a string
 * ({@code count: "{{args.count}}"}), so that it can be templated with arguments.
 *
 * <p>Argo parses a string with Go's {@code strconv.Atoi} each time it is used, and an unparsable string silently
 * becomes 0; {@link #intValue()} does the same.
 *
 * @param text the value as written; a number is kept as its decimal text
 * @param isString whether it was written as a string (so that it is written back the same way)
 */
public record IntOrString(String text, boolean isString) {
  /**
   * Validates the components.
   *
   * @param text the value as written; a number is kept as its decimal text
   * @param isString whether it was written as a string (so that it is written back the same way)
   */
  public IntOrString {
    Objects.requireNonNull(text, "text");
    if (!isString) {
      Integer.parseInt(text);
    }
  }

  /**
   * An integer value.
   *
   * @param value the number
   * @return the value
   */
  public static IntOrString of(int value) {
    return new IntOrString(Integer.toString(value), false);
  }

  /**
   * A string value, for example {@code "{{args.count}}"}.
   *
   * @param value the text
   * @return the value
   */
  public static IntOrString of(String value) {
    return new IntOrString(value, true);
  }

  @JsonCreator
  static IntOrString fromJson(Object raw) {
    if (raw instanceof String) {
      return of((String) raw);
    }
    // Like Kubernetes, a number must be a 32-bit integer; lists, objects and booleans are rejected.
    if (raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger) {
      long value = ((Number) raw).longValue();
      if (value == ((Number) raw).doubleValue() && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
        return of((int) value);
      }
    }
    throw new IllegalArgumentException("expected an integer or a string, but was " + raw);
  }

  @JsonValue
  Object toJson() {
    return isString ? text : (Object) Integer.valueOf(text);
  }

  /**
   * The integer value as Argo uses it: the number, or the string parsed as a decimal int, or 0 when it does not
   * parse (Argo's silent fallback).
   *
   * @return the value
   */
  public int intValue() {
    try {
      return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
