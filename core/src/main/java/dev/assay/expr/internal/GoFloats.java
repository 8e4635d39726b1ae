/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.math.BigDecimal;

/** Go's float formatting: {@code %v} (shortest, exponent from 1e21) and {@code encoding/json}. */
final class GoFloats {
  private GoFloats() {}

  /** {@code fmt.Sprint(float64)}: shortest digits, exponent form when exp &lt; -4 or exp &gt;= 21. */
  static String formatV(double d) {
    return format(d, -4, 21, true);
  }

  /** {@code json.Marshal(float64)}: exponent form when |d| &lt; 1e-6 or &gt;= 1e21, exponent without padding. */
  static String formatJson(double d) {
    return format(d, -6, 21, false);
  }

  private static String format(double d, int minExp, int maxExp, boolean padExponent) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp < minExp || exp >= maxExp) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (d < 0) {
        sb.append('-');
      }
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (padExponent && a < 10) {
        sb.append('0');
      }
      return sb.append(a).toString();
    }
    return bd.toPlainString();
  }
}
