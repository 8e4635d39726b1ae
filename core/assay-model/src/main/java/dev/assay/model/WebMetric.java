/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code web} provider block of a metric: an HTTP request whose JSON answer becomes the result.
 *
 * @param url the URL (required)
 * @param method the HTTP method; empty means GET
 * @param headers headers, set with last-wins, never null
 * @param body a request body (not with GET); empty when absent
 * @param jsonBody a JSON object request body as plain Java values, or null; cannot be combined with {@code body}
 * @param timeoutSeconds whole-request timeout in seconds; 0 or less means 10 s
 * @param jsonPath a Kubernetes JSONPath template such as {@code {$.data.ok}}; empty means {@code {$}}
 * @param insecure skip TLS verification
 * @param authentication authentication settings (only {@code oauth2} is used, as in Argo), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WebMetric(
    String url,
    String method,
    List<Header> headers,
    String body,
    @Nullable Map<String, Object> jsonBody,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long timeoutSeconds,
    String jsonPath,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean insecure,
    @Nullable Authentication authentication) {
  /**
   * Normalises absent values and copies the headers.
   *
   * @param url the URL (required)
   * @param method the HTTP method; empty means GET
   * @param headers headers, set with last-wins, never null
   * @param body a request body (not with GET); empty when absent
   * @param jsonBody a JSON object request body as plain Java values, or null; cannot be combined with {@code body}
   * @param timeoutSeconds whole-request timeout in seconds; 0 or less means 10 s
   * @param jsonPath a Kubernetes JSONPath template such as {@code {$.data.ok}}; empty means {@code {$}}
   * @param insecure skip TLS verification
   * @param authentication authentication settings (only {@code oauth2} is used, as in Argo), or null
   */
  public WebMetric {
    url = Objects.requireNonNullElse(url, "");
    method = Objects.requireNonNullElse(method, "");
    headers = headers == null ? List.of() : List.copyOf(headers);
    body = Objects.requireNonNullElse(body, "");
    jsonPath = Objects.requireNonNullElse(jsonPath, "");
  }

  /**
   * A GET of a URL, judged on the value at a JSONPath.
   *
   * @param url the URL
   * @param jsonPath the JSONPath template, or empty for the whole body
   * @return the block
   */
  public static WebMetric get(String url, String jsonPath) {
    return new WebMetric(url, "", List.of(), "", null, 0, jsonPath, false, null);
  }
}
