/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.gotext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The texts Argo Rollouts (Go) writes for numbers and plain values, so that a provider's {@code Measurement.value}
 * and messages match Argo's byte for byte. Every float method picks the shortest decimal that reads back as the same
 * {@code double} (Go's {@code strconv} precision {@code -1}), nearest to the exact value on ties, and differs only in
 * layout; {@link #jsonMarshal(Object)} is Go's {@code json.Marshal} of decoded JSON.
 *
 * <p>Stateless and thread-safe.
 */
public final class GoText {
  private static final int MAX_DIGITS = 17;
  private static final double LARGEST_EXACT_LONG_TEXT = 1e15;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoText() {}

  /**
   * {@code strconv.FormatFloat(value, 'f', -1, 64)}: plain decimal, never an exponent ({@code 10}, {@code 0.95},
   * {@code 0.0000001}, {@code 1000000000000000000000}); {@code NaN}, {@code +Inf}, {@code -Inf}, {@code -0}.
   *
   * @param value any double
   * @return the text
   */
  public static String formatFloat(double value) {
    String special = special(value);
    if (special != null) {
      return special;
    }
    if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_LONG_TEXT) {
      return Long.toString((long) value); // every such integer is its own shortest spelling
    }
    return shortest(value).toPlainString();
  }

  /**
   * The number text {@code json.Marshal} writes for a {@code float64}: plain decimal, or exponent form below
   * {@code 1e-6} and from {@code 1e21} on, without exponent padding ({@code 1}, {@code 0.5}, {@code 1e+21},
   * {@code 1e-7}).
   *
   * @param value a finite double
   * @return the JSON number text
   * @throws IllegalArgumentException for NaN and infinities, which JSON cannot carry (Go's message)
   */
  public static String formatJsonNumber(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("json: unsupported value: " + formatV(value));
    }
    if (value == 0) {
      return isNegativeZero(value) ? "-0" : "0";
    }
    double abs = Math.abs(value);
    if (abs < 1e-6 || abs >= 1e21) {
      return exponentForm(shortest(value), 1); // encoding/json trims e-07 to e-7
    }
    return formatFloat(value);
  }

  /**
   * The text {@code fmt}'s {@code %v} (and {@code fmt.Sprint}) writes for a {@code float64}: {@code %g} with shortest
   * digits, so exponent form when the decimal exponent is below -4 or at least 6, padded to two exponent digits
   * ({@code 1e+06}, {@code 1e-05}, {@code 0.5}, {@code 1.23456789e+08}); {@code NaN}, {@code +Inf}, {@code -Inf}.
   *
   * @param value any double
   * @return the text
   */
  public static String formatV(double value) {
    String special = special(value);
    if (special != null) {
      return special;
    }
    BigDecimal digits = shortest(value);
    int exponent = digits.precision() - digits.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      return exponentForm(digits, 2);
    }
    return digits.toPlainString();
  }

  private static String special(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    } else if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    } else if (value == 0) {
      return isNegativeZero(value) ? "-0" : "0";
    }
    return null;
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code value}, nearest to it on ties. Java
   * 17's {@code Double.toString} always reads back but can use a digit too many, so it only bounds the search: if
   * some p-digit decimal reads back, so does a (p+1)-digit one (append a zero), hence the search stops at the first
   * precision where nothing reads back.
   */
  static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    int upper = Math.min(MAX_DIGITS, new BigDecimal(Double.toString(value)).stripTrailingZeros().precision());
    BigDecimal best = nearestReadingBack(exact, value, upper);
    if (best == null) {
      best = nearestReadingBack(exact, value, MAX_DIGITS);
    }
    for (int precision = upper - 1; precision >= 1; precision--) {
      BigDecimal shorter = nearestReadingBack(exact, value, precision);
      if (shorter == null) {
        break;
      }
      best = shorter;
    }
    if (best == null) {
      return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
    return best.stripTrailingZeros();
  }

  private static BigDecimal nearestReadingBack(BigDecimal exact, double value, int precision) {
    BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    BigDecimal best = null;
    // Next to a power of two the round-trip interval is lopsided, so a neighbour of the nearest candidate may read
    // back when the nearest one does not.
    for (BigDecimal candidate :
        new BigDecimal[] {nearest, nearest.subtract(nearest.ulp()), nearest.add(nearest.ulp())}) {
      if (candidate.precision() <= precision && candidate.doubleValue() == value
          && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
        best = candidate;
      }
    }
    return best;
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

  /**
   * Go's {@code json.Marshal} of a plain value, as Argo writes a decoded JSON result into {@code Measurement.value}:
   * compact, object keys sorted by {@link #compareStrings(String, String)}, strings escaped by
   * {@link #appendJsonString(StringBuilder, String)}, {@code Double} and {@code Float} by
   * {@link #formatJsonNumber(double)} (a {@code Float} is widened, as Go's {@code float64}), other numbers as integers.
   *
   * @param value null, a {@code Boolean}, {@code String}, {@code Number}, {@code List} or {@code Map} (keys are
   *     written as {@code String.valueOf(key)}), nested freely
   * @return the JSON text
   * @throws IllegalArgumentException for NaN or infinite numbers (Go's message) and for other types
   */
  public static String jsonMarshal(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    appendJson(out, value);
    return out.toString();
  }

  private static void appendJson(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      appendJsonString(out, (String) value);
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(formatJsonNumber(((Number) value).doubleValue()));
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof List) {
      out.append('[');
      String separator = "";
      for (Object element : (List<?>) value) {
        out.append(separator);
        appendJson(out, element);
        separator = ",";
      }
      out.append(']');
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      List<String> keys = new ArrayList<>(map.size());
      map.keySet().forEach(k -> keys.add(String.valueOf(k)));
      List<Object> values = new ArrayList<>(map.values());
      List<Integer> order = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        order.add(i);
      }
      order.sort((a, b) -> compareStrings(keys.get(a), keys.get(b)));
      out.append('{');
      String separator = "";
      for (int i : order) {
        out.append(separator);
        appendJsonString(out, keys.get(i));
        out.append(':');
        appendJson(out, values.get(i));
        separator = ",";
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("json: unsupported type: " + value.getClass().getName());
    }
  }

  /**
   * Appends a quoted JSON string as Go's {@code encoding/json} writes it (Go 1.22 and later): {@code \b}, {@code \f},
   * {@code \n}, {@code \r}, {@code \t}, other control characters and the HTML characters {@code < > &} plus U+2028
   * and U+2029 as <code>&#92;u00XX</code>; a lone surrogate (invalid UTF-8 in Go) as <code>&#92;ufffd</code>.
   *
   * @param out where to append
   * @param text the string
   */
  public static void appendJsonString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '<':
        case '>':
        case '&':
        case '\u2028':
        case '\u2029':
          appendUnicodeEscape(out, c);
          break;
        default:
          if (c < 0x20) {
            appendUnicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /**
   * Go's string order ({@code a < b} on UTF-8 bytes), which is code point order; Java's {@code compareTo} orders
   * UTF-16 units and differs for characters above U+FFFF against U+E000..U+FFFF.
   *
   * @param a a string
   * @param b another string
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareStrings(String a, String b) {
    Iterator<Integer> left = a.codePoints().iterator();
    Iterator<Integer> right = b.codePoints().iterator();
    while (left.hasNext() && right.hasNext()) {
      int c = Integer.compare(left.next(), right.next());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(left.hasNext(), right.hasNext());
  }
}
