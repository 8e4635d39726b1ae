/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.regex.Pattern;

/** Go's {@code strconv.ParseFloat} and {@code ParseInt(s, 10, 64)} with Go's error texts. */
final class GoNumbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9](?:_?[0-9])*\\.?(?:[0-9](?:_?[0-9])*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

  private GoNumbers() {}

  static double parseFloat(String s) {
    if (SPECIAL.matcher(s).matches()) {
      String l = s.toLowerCase(java.util.Locale.ROOT);
      if (l.endsWith("nan")) {
        if (l.startsWith("+") || l.startsWith("-")) {
          throw syntax("ParseFloat", s);
        }
        return Double.NaN;
      }
      return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL.matcher(s).matches() || s.contains("_")) {
      throw syntax("ParseFloat", s);
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      throw Values.error("strconv.ParseFloat: parsing " + Values.quote(s) + ": value out of range");
    }
    return d;
  }

  static long parseInt(String s) {
    if (!s.matches("[+-]?[0-9]+")) {
      throw syntax("ParseInt", s);
    }
    try {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException ex) {
      throw Values.error("strconv.ParseInt: parsing " + Values.quote(s) + ": value out of range");
    }
  }

  private static RuntimeException syntax(String fn, String s) {
    return Values.error("strconv." + fn + ": parsing " + Values.quote(s) + ": invalid syntax");
  }
}
