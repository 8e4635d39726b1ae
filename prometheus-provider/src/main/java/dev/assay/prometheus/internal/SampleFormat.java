/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.gotext.GoText;

/**
 * Number text as Go writes and reads it: {@code strconv.FormatFloat(v, 'f', -1, 64)} (shortest text that reads back
 * as the same double, never an exponent) and {@code strconv.ParseFloat(s, 64)} for Prometheus sample strings.
 */
public final class SampleFormat {
  private SampleFormat() {}

  /**
   * Formats a double as Go's {@code FormatFloat(v, 'f', -1, 64)}, by {@link GoText#formatFloat(double)}: {@code 10}, {@code 0.95}, {@code NaN},
   * {@code +Inf}, {@code -Inf}.
   *
   * @param v the value
   * @return the text
   */
  public static String format(double v) {
    return GoText.formatFloat(v);
  }

  /**
   * Appends the Go text of a sample: the wire text itself when it already is what Go would print (the common case:
   * Prometheus prints with Go's shortest formatting, so nothing needs reformatting), otherwise the formatted value.
   *
   * @param out where to append
   * @param wire the sample text as received
   * @param value the parsed value
   */
  static void appendCanonical(StringBuilder out, String wire, double value) {
    if (isCanonical(wire, value)) {
      out.append(wire);
    } else {
      out.append(GoText.formatFloat(value));
    }
  }

  /**
   * Whether a sample text is what Go prints for its value: a plain decimal without superfluous zeros whose digits
   * cannot be shortened. Up to 15 significant digits this holds for every such text (two of them never read as the
   * same double). With 16 or 17 it holds when the last digit's place value, and its distance to the next shorter
   * decimal, exceed the double's spacing there, so no shorter decimal reads back as the value; when several
   * 17-digit spellings read back as the same double the text is kept as sent (a Go server sends the one Go prints).
   */
  static boolean isCanonical(String s, double value) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return false;
    }
    int dot = -1;
    int digits = 0;
    boolean significant = false;
    for (int k = i; k < n; k++) {
      char c = s.charAt(k);
      if (c == '.') {
        if (dot >= 0 || k == i || k == n - 1) {
          return false;
        }
        dot = k;
      } else if (c >= '0' && c <= '9') {
        if (c != '0') {
          significant = true;
        }
        if (significant) {
          digits++;
        }
      } else {
        return false;
      }
    }
    if (!significant) {
      return false; // zeros: "-0", "0.0" and friends take the slow path
    }
    if (s.charAt(i) == '0' && (i + 1 < n && s.charAt(i + 1) != '.')) {
      return false; // leading zero
    }
    if (dot >= 0 && s.charAt(n - 1) == '0') {
      return false; // trailing fractional zero
    }
    if (digits <= 15) {
      return true;
    }
    if (digits > 17 || dot < 0 || n - dot - 1 >= NEGATIVE_POWERS.length) {
      return false;
    }
    int last = s.charAt(n - 1) - '0';
    double place = NEGATIVE_POWERS[n - dot - 1];
    // 1% margin: the place value and ulp are compared in floating point.
    if (Math.min(last, 10 - last) * place > 1.01 * Math.ulp(value)) {
      return true;
    }
    // Close call: a decimal one digit shorter reads back as the value only if the text's neighbours on the shorter
    // grid (it cut off, and that plus one unit) do.
    String cut = s.substring(0, n - 1);
    return Double.parseDouble(cut) != value && Double.parseDouble(incrementLastDigit(cut)) != value;
  }

  /** The decimal text plus one unit in its last place ({@code 0.19} becomes {@code 0.20}, {@code 9.9} 10.0). */
  private static String incrementLastDigit(String s) {
    char[] c = s.toCharArray();
    int k = c.length - 1;
    while (k >= 0) {
      if (c[k] == '.') {
        k--;
        continue;
      }
      if (c[k] == '-') {
        break;
      }
      if (c[k] != '9') {
        c[k]++;
        return new String(c);
      }
      c[k] = '0';
      k--;
    }
    int signs = c.length > 0 && c[0] == '-' ? 1 : 0;
    return s.substring(0, signs) + "1" + new String(c, signs, c.length - signs);
  }

  private static final double[] NEGATIVE_POWERS = new double[330];

  static {
    for (int k = 0; k < NEGATIVE_POWERS.length; k++) {
      NEGATIVE_POWERS[k] = Double.parseDouble("1e-" + k);
    }
  }

  /**
   * Parses a sample string as Go's {@code ParseFloat}: decimals, exponents, and {@code NaN}/{@code Inf} spellings
   * ({@code +Inf}, {@code -Inf}, {@code Inf}, {@code infinity}), case-insensitive.
   *
   * @param s the text
   * @return the value
   * @throws NumberFormatException when the text is not a number
   */
  public static double parse(String s) {
    int n = s.length();
    if (n > 0) {
      char last = s.charAt(n - 1);
      if (last == 'f' || last == 'F' || last == 'N' || last == 'n' || last == 'y' || last == 'Y') {
        return parseSpecial(s);
      }
    }
    return Double.parseDouble(s);
  }

  private static double parseSpecial(String s) {
    String body = s;
    double sign = 1;
    if (s.startsWith("+") || s.startsWith("-")) {
      sign = s.charAt(0) == '-' ? -1 : 1;
      body = s.substring(1);
    }
    if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (body.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    throw new NumberFormatException("invalid sample value \"" + s + "\"");
  }
}
