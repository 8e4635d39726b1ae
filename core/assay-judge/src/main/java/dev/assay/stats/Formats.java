/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for verdict sentences: short, locale-independent, stable. Thread-safe; stateless. */
public final class Formats {
  private Formats() {}

  /**
   * A value with 4 significant digits and no trailing zeros, for example {@code 212}, {@code 0.0153},
   * {@code 1.235E+7}.
   *
   * @param v the value
   * @return the text; {@code NaN}, {@code +inf} or {@code -inf} for non-finite values
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+inf" : "-inf";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e7 ? d.toPlainString() : d.toString();
  }

  /**
   * A fraction as a signed percentage with up to one decimal: {@code 0.4123 -> "+41.2%"}.
   *
   * @param fraction the fraction
   * @return the text
   */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return "NaN";
    }
    if (Double.isInfinite(fraction)) {
      return fraction > 0 ? "+inf" : "-inf";
    }
    double pct = fraction * 100;
    String s = Math.abs(pct) >= 1000 ? String.format(Locale.ROOT, "%+.0f%%", pct)
        : String.format(Locale.ROOT, "%+.1f%%", pct);
    return s.replace(".0%", "%");
  }

  /**
   * A confidence level as a percentage: {@code 0.98 -> "98%"}, {@code 0.995 -> "99.5%"}.
   *
   * @param level the level
   * @return the text
   */
  public static String level(double level) {
    return number(level * 100) + "%";
  }
}
