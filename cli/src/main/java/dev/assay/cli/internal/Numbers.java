/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Numbers for charts: read from measurement values, and formatted short. */
final class Numbers {
  private Numbers() {}

  /**
   * The first number in a measurement value: {@code 0.5}, {@code [0.0123]} (a Prometheus vector) or
   * {@code [0.1 0.2]}; empty for text such as {@code UP}, {@code NaN} or an empty vector.
   *
   * @param value the measurement's value
   * @return the number, if any
   */
  static OptionalDouble first(String value) {
    String v = value.strip();
    if (v.startsWith("[") && v.endsWith("]")) {
      v = v.substring(1, v.length() - 1).strip();
    }
    if (v.isEmpty()) {
      return OptionalDouble.empty();
    }
    String token = v.split("[,\\s]+", 2)[0];
    try {
      double d = Double.parseDouble(token);
      return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /**
   * Comma-separated numbers (a recorded judge sample), skipping anything that is not a finite number.
   *
   * @param text the text
   * @return the numbers
   */
  static double[] list(String text) {
    List<Double> out = new ArrayList<>();
    for (String t : text.replace("[", "").replace("]", "").split("[,\\s]+")) {
      try {
        double d = Double.parseDouble(t);
        if (Double.isFinite(d)) {
          out.add(d);
        }
      } catch (NumberFormatException e) {
        // not a number: skipped
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Four significant digits, without exponent for ordinary magnitudes: {@code 0.05}, {@code 123.5}, {@code 1.2E-7}.
   *
   * @param d the number
   * @return the text
   */
  static String format(double d) {
    if (!Double.isFinite(d)) {
      return String.valueOf(d);
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros();
    double abs = Math.abs(d);
    return abs >= 1e-4 && abs < 1e9 ? b.toPlainString() : b.toString();
  }

  /**
   * A percentage with sign, for relative shifts: {@code +20%}, {@code -0.3%}.
   *
   * @param fraction 0.2 for 20%
   * @return the text
   */
  static String percent(double fraction) {
    return (fraction > 0 ? "+" : "") + format(fraction * 100) + "%";
  }
}
