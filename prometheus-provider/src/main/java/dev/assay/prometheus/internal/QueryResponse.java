/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import java.util.List;
import java.util.Objects;

/**
 * A decoded Prometheus API response body ({@code {status, data: {resultType, result}, errorType, error, warnings}}).
 *
 * @param status {@code success}, {@code error}, or empty when absent
 * @param errorType the error type of an error body, or empty
 * @param error the error text of an error body, or empty
 * @param hasData whether a non-null {@code data} object was present
 * @param resultType the result type ({@code scalar}, {@code vector}, {@code matrix}, {@code string}), or empty
 * @param values the sample values in response order (matrix flattened), or the scalar as one value
 * @param display the values as Argo prints them ({@code 10} for a scalar, {@code [10,11]} otherwise)
 * @param warnings the response's warnings
 */
public record QueryResponse(
    String status,
    String errorType,
    String error,
    boolean hasData,
    String resultType,
    SampleValues values,
    String display,
    List<String> warnings) {

  /**
   * Validates and copies.
   *
   * @param status {@code success}, {@code error}, or empty when absent
   * @param errorType the error type of an error body, or empty
   * @param error the error text of an error body, or empty
   * @param hasData whether a non-null {@code data} object was present
   * @param resultType the result type ({@code scalar}, {@code vector}, {@code matrix}, {@code string}), or empty
   * @param values the sample values in response order (matrix flattened), or the scalar as one value
   * @param display the values as Argo prints them ({@code 10} for a scalar, {@code [10,11]} otherwise)
   * @param warnings the response's warnings
   */
  public QueryResponse {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(display, "display");
    warnings = List.copyOf(warnings);
  }
}
