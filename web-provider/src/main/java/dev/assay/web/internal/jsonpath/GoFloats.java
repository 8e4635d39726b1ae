/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code float64} the way Go does: shortest digits that read back to the same double (as
 * {@code strconv.FormatFloat(f, fmt, -1, 64)}), in {@code encoding/json}'s or {@code fmt %v}'s layout.
 */
public final class GoFloats {
  private static final int MAX_DIGITS = 17;

  private GoFloats() {}

  /**
   * The text {@code json.Marshal} writes for a float64: plain decimal, or exponent form below 1e-6 and from 1e21 on
   * ({@code 1}, {@code 0.5}, {@code 1e+21}, {@code 1e-7}).
   *
   * @param value a finite double
   * @return the JSON number text
   * @throws IllegalArgumentException for NaN and infinities, which JSON cannot carry
   */
  public static String formatJson(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("json: unsupported value: " + formatV(value));
    }
    if (value == 0) {
      return isNegativeZero(value) ? "-0" : "0";
    }
    double abs = Math.abs(value);
    BigDecimal digits = shortest(value);
    if (abs < 1e-6 || abs >= 1e21) {
      // encoding/json trims the exponent's leading zero: e-07 becomes e-7.
      return exponentForm(digits, 1);
    }
    return digits.toPlainString();
  }

  /**
   * The text {@code fmt}'s {@code %v} writes for a float64: {@code %g} with shortest digits, so exponent form when
   * the decimal exponent is below -4 or at least 6 ({@code 1e+06}, {@code 1e-05}, {@code 0.5}).
   *
   * @param value any double
   * @return the text
   */
  public static String formatV(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    } else if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    } else if (value == 0) {
      return isNegativeZero(value) ? "-0" : "0";
    }
    BigDecimal digits = shortest(value);
    int exponent = digits.precision() - digits.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      return exponentForm(digits, 2);
    }
    return digits.toPlainString();
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
  }

  /** The decimal with the fewest significant digits that reads back as {@code value}, nearest to it on ties. */
  static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= MAX_DIGITS; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      BigDecimal best = null;
      // Next to a power of two the round-trip interval is lopsided, so a neighbour of the nearest candidate may
      // read back when the nearest one does not.
      for (BigDecimal candidate :
          new BigDecimal[] {nearest, nearest.subtract(nearest.ulp()), nearest.add(nearest.ulp())}) {
        if (candidate.precision() <= precision && candidate.doubleValue() == value
            && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  private static String exponentForm(BigDecimal digits, int minExponentDigits) {
    String unscaled = digits.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - digits.scale();
    StringBuilder out = new StringBuilder();
    if (digits.signum() < 0) {
      out.append('-');
    }
    out.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      out.append('.').append(unscaled, 1, unscaled.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+');
    String magnitude = Integer.toString(Math.abs(exponent));
    for (int i = magnitude.length(); i < minExponentDigits; i++) {
      out.append('0');
    }
    return out.append(magnitude).toString();
  }
}
