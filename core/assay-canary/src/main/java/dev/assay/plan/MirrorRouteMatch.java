/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a {@link CanaryStep.SetMirrorRoute}: Argo's {@code {method, path, headers}}. Everything a rule sets
 * must match (AND); a rule that sets nothing matches every request, as Istio's empty match does. The path is
 * matched without its query string (as Envoy matches {@code uri}). Immutable and thread-safe.
 *
 * @param method how the HTTP method is matched, or null for any method
 * @param path how the request path is matched, or null for any path
 * @param headers how headers are matched, by header name (compared ignoring case); empty for no header rule
 */
public record MirrorRouteMatch(@Nullable StringMatch method, @Nullable StringMatch path,
    Map<String, StringMatch> headers) {
  /**
   * Validates and copies.
   *
   * @param method how the HTTP method is matched, or null for any method
   * @param path how the request path is matched, or null for any path
   * @param headers how headers are matched, by header name (compared ignoring case); empty for no header rule
   */
  public MirrorRouteMatch {
    Map<String, StringMatch> copy = new LinkedHashMap<>();
    headers.forEach((name, match) -> {
      if (name.isBlank()) {
        throw new IllegalArgumentException("headers: a header name must not be blank");
      }
      copy.put(name, Objects.requireNonNull(match, "headers." + name));
    });
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * A rule on the method and path only.
   *
   * @param method the method rule, or null for any method
   * @param path the path rule, or null for any path
   * @return the rule
   */
  public static MirrorRouteMatch of(@Nullable StringMatch method, @Nullable StringMatch path) {
    return new MirrorRouteMatch(method, path, Map.of());
  }

  /**
   * The method rule, if any.
   *
   * @return the rule, or empty for any method
   */
  public Optional<StringMatch> methodMatch() {
    return Optional.ofNullable(method);
  }

  /**
   * The path rule, if any.
   *
   * @return the rule, or empty for any path
   */
  public Optional<StringMatch> pathMatch() {
    return Optional.ofNullable(path);
  }

  /**
   * Whether a request matches every part of the rule.
   *
   * @param requestMethod the request's method, such as {@code GET}
   * @param requestPath the request's path, without the query string
   * @param headerValues the request's values of a header, by name (the caller looks names up ignoring case)
   * @return true when it matches
   */
  public boolean matches(String requestMethod, String requestPath, Function<String, List<String>> headerValues) {
    if (method != null && !method.matches(requestMethod) || path != null && !path.matches(requestPath)) {
      return false;
    }
    for (Map.Entry<String, StringMatch> h : headers.entrySet()) {
      if (headerValues.apply(h.getKey()).stream().noneMatch(h.getValue()::matches)) {
        return false;
      }
    }
    return true;
  }

  /**
   * As a Rollout writes it, e.g. {@code method exact GET, path prefix /api}.
   *
   * @return the text
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (method != null) {
      parts.add("method " + method);
    }
    if (path != null) {
      parts.add("path " + path);
    }
    headers.forEach((name, m) -> parts.add("header " + name + " " + m));
    return parts.isEmpty() ? "any request" : String.join(", ", parts);
  }
}
