/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.expr.ExpressionException;
import dev.assay.expr.TimeExpressions;
import dev.assay.model.GoDuration;
import dev.assay.model.InvalidDurationException;
import dev.assay.model.RangeQuery;
import dev.assay.gotext.GoText;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The form parameters of instant and range queries, with times as client_golang writes them. */
public final class QueryTimes {
  private QueryTimes() {}

  /**
   * The form of an instant query.
   *
   * @param query the PromQL query
   * @param now the evaluation time
   * @return {@code query} and {@code time}, in order
   */
  public static Map<String, String> instant(String query, Instant now) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", query);
    form.put("time", format(now));
    return form;
  }

  /**
   * The form of a range query; the bounds are time expressions evaluated at {@code now}.
   *
   * @param query the PromQL query
   * @param range the range settings
   * @param now the time {@code now()} returns in the bounds
   * @return {@code query}, {@code start}, {@code end} and {@code step}, in order
   * @throws QueryException with Argo's message when a bound or the step does not parse
   */
  public static Map<String, String> range(String query, RangeQuery range, Instant now) {
    Instant start = time(range.start(), "start", now);
    Instant end = time(range.end(), "end", now);
    Duration step;
    try {
      step = GoDuration.parse(range.step());
    } catch (InvalidDurationException e) {
      throw new QueryException("failed to parse rangeQuery.step as duration: " + e.getMessage());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", query);
    form.put("start", format(start));
    form.put("end", format(end));
    form.put("step", GoText.formatFloat(step.getSeconds() + step.getNano() / 1e9));
    return form;
  }

  private static Instant time(String expression, String field, Instant now) {
    try {
      return TimeExpressions.evaluate(expression, now);
    } catch (ExpressionException e) {
      throw new QueryException("failed to parse rangeQuery." + field + " as time: " + e.reason());
    }
  }

  /**
   * A time as Unix seconds with a fraction, as client_golang's {@code formatTime} writes it.
   *
   * @param t the time
   * @return for example {@code 1700001800} or {@code 1700001800.5}
   */
  public static String format(Instant t) {
    return GoText.formatFloat(t.getEpochSecond() + t.getNano() / 1e9);
  }
}
