/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One rule of a {@link CanaryStep.SetHeaderRoute}: Argo's {@code {headerName, headerValue}}. A request matches when
 * one of its values of the header (names compare ignoring case, as HTTP does) matches the value rule. Immutable and
 * thread-safe.
 *
 * @param headerName the header's name, not blank
 * @param headerValue how its value is matched
 */
public record HeaderRouteMatch(String headerName, StringMatch headerValue) {
  /**
   * Validates.
   *
   * @param headerName the header's name, not blank
   * @param headerValue how its value is matched
   */
  public HeaderRouteMatch {
    Objects.requireNonNull(headerName, "headerName");
    Objects.requireNonNull(headerValue, "headerValue");
    if (headerName.isBlank()) {
      throw new IllegalArgumentException("headerName: Required value");
    }
  }

  /**
   * A rule matching a header's exact value, such as {@code x-canary: true}.
   *
   * @param headerName the header's name
   * @param value the exact value
   * @return the rule
   */
  public static HeaderRouteMatch exact(String headerName, String value) {
    return new HeaderRouteMatch(headerName, StringMatch.exact(value));
  }

  /**
   * Whether a request matches.
   *
   * @param headerValues the request's values of a header, by name (the caller looks names up ignoring case); an
   *     empty list when the request does not have it
   * @return true when a value of {@link #headerName()} matches
   */
  public boolean matches(Function<String, List<String>> headerValues) {
    for (String v : headerValues.apply(headerName)) {
      if (headerValue.matches(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * As a Rollout writes it, e.g. {@code x-canary exact true}.
   *
   * @return the text
   */
  public String describe() {
    return headerName + " " + headerValue;
  }
}
