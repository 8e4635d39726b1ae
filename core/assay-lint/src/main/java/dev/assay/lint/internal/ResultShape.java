/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code result} holds for a metric, judged from its provider block without running it (the table "Type of
 * result per provider" in {@code docs/lint-rules.md}): a Prometheus instant query gives a vector ({@code []float64})
 * unless it is obviously scalar, a range query a flattened matrix ({@code []float64}), a web metric any JSON value,
 * a job no result at all.
 *
 * @param kind the provider kind
 * @param samples representative non-empty values of {@code result}, of every type the provider can give
 * @param canBeEmpty whether the provider can return an empty vector (no series)
 * @param ratio whether the query divides, so that zero traffic gives 0/0 = NaN
 */
record ResultShape(Kind kind, List<Object> samples, boolean canBeEmpty, boolean ratio) {
  /** Kinds of provider results the linter knows. */
  enum Kind {
    /** A Prometheus scalar: {@code float64}. */
    SCALAR,
    /** A Prometheus vector or matrix: {@code []float64}. */
    VECTOR,
    /** A web provider's JSON value: any JSON type. */
    JSON,
    /** A job: conditions are never evaluated. */
    NONE,
    /** A provider the linter does not model. */
    UNKNOWN
  }

  private static final String JOB_RESULT_ANNOTATION = "assay.dev/result";
  private static final Pattern SCALAR = Pattern.compile("(?s)\\s*(scalar\\s*\\(.*\\)|[-+]?[0-9.]+(e[-+]?[0-9]+)?|time\\s*\\(\\s*\\))\\s*");
  /** A top-level {@code or vector(<number>)} fallback: the query never returns an empty vector. */
  private static final Pattern FALLBACK = Pattern.compile("(?s).*\\bor\\s+vector\\s*\\(\\s*[-+0-9.e]+\\s*\\)\\s*\\)*\\s*$");
  private static final Pattern QUOTED = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");

  /**
   * The shape of a (resolved) metric's result.
   *
   * @param metric the metric
   * @return the shape
   */
  static ResultShape of(Metric metric) {
    PrometheusMetric p = metric.provider().prometheus();
    if (p != null) {
      String query = QUOTED.matcher(p.query()).replaceAll("\"\"");
      boolean ratio = query.contains("/");
      if (p.rangeQuery() == null && SCALAR.matcher(p.query()).matches()) {
        return new ResultShape(Kind.SCALAR, List.of(0.5), false, ratio);
      }
      boolean empty = !FALLBACK.matcher(p.query()).matches();
      return new ResultShape(Kind.VECTOR, List.of(List.of(0.5), List.of(0.5, 0.7)), empty, ratio);
    }
    if (metric.provider().web() != null) {
      return json();
    }
    if (metric.provider().job() != null) {
      // Assay's opt-in job result (annotation assay.dev/result, JobRunner.RESULT_ANNOTATION) is a JSON value.
      Object annotations = metric.provider().job().metadata().get("annotations");
      boolean result = annotations instanceof Map && ((Map<?, ?>) annotations).containsKey(JOB_RESULT_ANNOTATION);
      return result ? json() : new ResultShape(Kind.NONE, List.of(), false, false);
    }
    return new ResultShape(Kind.UNKNOWN, List.of(), false, false);
  }

  private static ResultShape json() {
    return new ResultShape(Kind.JSON, List.of(0.5, "text", true, Map.of("value", 0.5), List.of(0.5)), false, false);
  }

  /**
   * The value of {@code result} for a number: the number itself for a scalar, a one-element vector otherwise.
   *
   * @param x the number
   * @return the value, or empty when the shape does not hold numbers
   */
  Optional<Object> withNumber(double x) {
    switch (kind) {
      case SCALAR:
        return Optional.of(x);
      case VECTOR:
        return Optional.of(List.of(x));
      default:
        return Optional.empty();
    }
  }

  /**
   * Go's name of the type, for messages.
   *
   * @return {@code float64}, {@code []float64} or a description
   */
  String typeName() {
    switch (kind) {
      case SCALAR:
        return "float64 (a Prometheus scalar)";
      case VECTOR:
        return "[]float64 (a Prometheus vector, one value per series)";
      case JSON:
        return "the JSON value the web provider's jsonPath selects";
      default:
        return "no value";
    }
  }
}
