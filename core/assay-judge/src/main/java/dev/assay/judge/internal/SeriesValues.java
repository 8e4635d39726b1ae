/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a provider's value into the sample the judge needs. Not API; may change. */
public final class SeriesValues {
  private SeriesValues() {}

  /**
   * The numbers of a provider value, which must be a list of numbers (a Prometheus vector or flattened range
   * query). NaN stays NaN: the rule decides what it means.
   *
   * @param series {@code canary} or {@code baseline}, for the message
   * @param type the provider key, for the message
   * @param value the value
   * @return the numbers, in order
   * @throws SeriesException with a message for the measurement when the value is not a list of numbers
   */
  public static double[] of(String series, String type, @Nullable Object value) {
    if (!(value instanceof List)) {
      String hint = value instanceof Number ? " (a single number cannot be ranked: use a range query)" : "";
      throw new SeriesException(series + " series: provider \"" + type
          + "\" returned " + describe(value) + ", but the judge needs a list of numbers" + hint);
    }
    List<?> list = (List<?>) value;
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      if (!(v instanceof Number)) {
        throw new SeriesException(series + " series: provider \"" + type + "\" returned " + describe(v)
            + " at index " + i + ", but the judge needs a list of numbers");
      }
      out[i] = ((Number) v).doubleValue();
    }
    return out;
  }

  /**
   * A count: the sum of a provider value that is a number or a list of numbers (an empty list is 0), rounded to
   * the nearest whole number, since Prometheus' {@code increase()} extrapolates to fractions.
   *
   * @param series for example {@code canary.events}, for the message
   * @param type the provider key, for the message
   * @param value the value
   * @return the count
   * @throws SeriesException when the value is not numbers, or the sum is NaN or negative
   */
  public static long count(String series, String type, @Nullable Object value) {
    double sum;
    if (value instanceof Number) {
      sum = ((Number) value).doubleValue();
    } else {
      sum = 0;
      for (double v : of(series, type, value)) {
        sum += v;
      }
    }
    if (!(sum >= 0) || Double.isInfinite(sum) || sum > 9e15) {
      throw new SeriesException(series + " series: provider \"" + type + "\" gave the count " + sum
          + ", but a count must be a finite number >= 0");
    }
    return Math.round(sum);
  }

  private static String describe(@Nullable Object v) {
    if (v == null) {
      return "no value";
    }
    if (v instanceof String) {
      String s = (String) v;
      return "text \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    return "a " + v.getClass().getSimpleName();
  }
}
