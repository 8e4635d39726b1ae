/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String}, with Go's error texts
 * ({@code time: invalid duration "??"}). The model has its own parser; these will be merged.
 */
public final class GoDurations {
  private static final long MAX_NANOS = Long.MAX_VALUE;

  private GoDurations() {}

  /**
   * Parses a Go duration such as {@code 1h30m}, {@code -1.5s} or {@code 300ms}.
   *
   * @param s the text
   * @return the duration
   * @throws ExpressionEvaluationException with Go's message when the text is not a duration
   */
  public static Duration parse(String s) {
    String orig = s;
    int i = 0;
    boolean neg = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    if (i == s.length()) {
      throw invalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      boolean intDigits = i > start;
      int fracStart = i;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
      }
      boolean fracDigits = i > fracStart + 1;
      if (!intDigits && !fracDigits) {
        throw invalid(orig);
      }
      BigDecimal number = new BigDecimal(s.substring(start, i).equals(".") ? "0" : fixDot(s.substring(start, i)));
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (unitStart == i) {
        throw new ExpressionEvaluationException("time: missing unit in duration " + quote(orig));
      }
      String unit = s.substring(unitStart, i);
      long nanos = unitNanos(unit);
      if (nanos < 0) {
        throw new ExpressionEvaluationException("time: unknown unit " + quote(unit) + " in duration " + quote(orig));
      }
      total = total.add(number.multiply(BigDecimal.valueOf(nanos)));
      if (total.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
        throw invalid(orig);
      }
    }
    long n = total.longValue();
    return Duration.ofNanos(neg ? -n : n);
  }

  private static String fixDot(String n) {
    String x = n.startsWith(".") ? "0" + n : n;
    return x.endsWith(".") ? x + "0" : x;
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns": return 1L;
      case "us": case "\u00b5s": case "\u03bcs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return 1_000_000_000L;
      case "m": return 60_000_000_000L;
      case "h": return 3_600_000_000_000L;
      default: return -1;
    }
  }

  private static ExpressionEvaluationException invalid(String s) {
    return new ExpressionEvaluationException("time: invalid duration " + quote(s));
  }

  /** Go's {@code strconv.Quote} for the plain strings that appear in duration messages. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Go's {@code Duration.String()}: {@code 1h30m0s}, {@code 1.5s}, {@code 100ms}, {@code 0s}. */
  public static String format(Duration d) {
    long n = d.toNanos();
    if (n == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (n < 0) {
      sb.append('-');
    }
    BigDecimal abs = BigDecimal.valueOf(n).abs();
    if (abs.compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
      if (abs.compareTo(BigDecimal.valueOf(1_000)) < 0) {
        return sb.append(abs).append("ns").toString();
      } else if (abs.compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
        return sb.append(abs.movePointLeft(3).stripTrailingZeros().toPlainString()).append("\u00b5s").toString();
      }
      return sb.append(abs.movePointLeft(6).stripTrailingZeros().toPlainString()).append("ms").toString();
    }
    long totalSeconds = abs.divide(BigDecimal.valueOf(1_000_000_000L), 0, java.math.RoundingMode.DOWN).longValue();
    BigDecimal secs = abs.movePointLeft(9).subtract(BigDecimal.valueOf(totalSeconds - totalSeconds % 60));
    long hours = totalSeconds / 3600;
    long minutes = (totalSeconds % 3600) / 60;
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      sb.append(minutes).append('m');
    }
    return sb.append(secs.stripTrailingZeros().toPlainString()).append('s').toString();
  }
}
