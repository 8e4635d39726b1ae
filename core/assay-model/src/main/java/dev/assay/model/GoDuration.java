/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Go duration text ({@code time.ParseDuration} and {@code Duration.String}), as Argo Rollouts uses for
 * {@code interval}, {@code initialDelay} and {@code rangeQuery.step}.
 *
 * <p>Accepted: an optional sign, then one or more decimal numbers (fractions allowed) each followed by a unit:
 * {@code ns}, {@code us} (or {@code µs}, {@code μs}), {@code ms}, {@code s}, {@code m}, {@code h}. There are no days.
 * {@code "0"} alone needs no unit. Values must fit in a signed 64-bit count of nanoseconds. Error messages are Go's,
 * word for word, for example {@code time: unknown unit "s-typo" in duration "60s-typo"}.
 *
 * <p>Thread-safe: static methods without state.
 */
public final class GoDuration {
  /** 2^63 as an unsigned 64-bit value. */
  private static final long TWO_POW_63 = Long.MIN_VALUE;

  private GoDuration() {}

  /**
   * Parses Go duration text.
   *
   * @param text the text, for example {@code "1m30s"} or {@code "500ms"}
   * @return the duration (may be negative)
   * @throws InvalidDurationException with Go's message when the text is not a Go duration
   */
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    byte[] s = text.getBytes(StandardCharsets.UTF_8);
    int pos = 0;
    boolean negative = false;
    if (s.length > 0 && (s[0] == '-' || s[0] == '+')) {
      negative = s[0] == '-';
      pos = 1;
    }
    if (s.length - pos == 1 && s[pos] == '0') {
      return Duration.ZERO;
    }
    if (pos == s.length) {
      throw invalid(text);
    }
    long total = 0;
    while (pos < s.length) {
      if (!(s[pos] == '.' || isDigit(s[pos]))) {
        throw invalid(text);
      }
      int start = pos;
      long whole = 0;
      while (pos < s.length && isDigit(s[pos])) {
        if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_POW_63, 10)) > 0) {
          throw invalid(text);
        }
        whole = whole * 10 + (s[pos] - '0');
        if (Long.compareUnsigned(whole, TWO_POW_63) > 0) {
          throw invalid(text);
        }
        pos++;
      }
      boolean pre = pos != start;
      boolean post = false;
      long fraction = 0;
      double scale = 1;
      if (pos < s.length && s[pos] == '.') {
        pos++;
        int fracStart = pos;
        boolean overflow = false;
        while (pos < s.length && isDigit(s[pos])) {
          // Like Go, digits past the 63-bit range are consumed but ignored.
          if (!overflow) {
            long next = fraction * 10 + (s[pos] - '0');
            if (fraction > Long.MAX_VALUE / 10 || Long.compareUnsigned(next, TWO_POW_63) > 0) {
              overflow = true;
            } else {
              fraction = next;
              scale *= 10;
            }
          }
          pos++;
        }
        post = pos != fracStart;
      }
      if (!pre && !post) {
        throw invalid(text);
      }
      int unitStart = pos;
      while (pos < s.length && s[pos] != '.' && !isDigit(s[pos])) {
        pos++;
      }
      if (unitStart == pos) {
        throw new InvalidDurationException("time: missing unit in duration " + quote(text));
      }
      String unitText = new String(s, unitStart, pos - unitStart, StandardCharsets.UTF_8);
      long unit = unitNanos(unitText);
      if (unit == 0) {
        throw new InvalidDurationException(
            "time: unknown unit " + quote(unitText) + " in duration " + quote(text));
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_POW_63, unit)) > 0) {
        throw invalid(text);
      }
      whole *= unit;
      if (fraction > 0) {
        whole += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
        if (Long.compareUnsigned(whole, TWO_POW_63) > 0) {
          throw invalid(text);
        }
      }
      total += whole;
      if (Long.compareUnsigned(total, TWO_POW_63) > 0) {
        throw invalid(text);
      }
    }
    if (negative) {
      return Duration.ofNanos(-total);
    }
    if (total < 0) {
      throw invalid(text);
    }
    return Duration.ofNanos(total);
  }

  /**
   * Formats a duration as Go's {@code Duration.String} does: {@code 1m30s}, {@code 500ms}, {@code 1h0m0s},
   * {@code 0s}.
   *
   * @param duration the duration; must fit in a signed 64-bit count of nanoseconds
   * @return the text
   * @throws ArithmeticException when the duration does not fit in 64-bit nanoseconds
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    // Work on the magnitude as an unsigned value so that Long.MIN_VALUE formats correctly.
    long u = negative ? -nanos : nanos;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      String unit;
      long div;
      if (u < 1_000L) {
        unit = "ns";
        div = 1;
      } else if (u < 1_000_000L) {
        unit = "µs";
        div = 1_000L;
      } else {
        unit = "ms";
        div = 1_000_000L;
      }
      out.append(fractionText(u, div)).append(unit);
    } else {
      long seconds = Long.divideUnsigned(u, 1_000_000_000L);
      long subNanos = Long.remainderUnsigned(u, 1_000_000_000L);
      long hours = seconds / 3600;
      long minutes = seconds / 60 % 60;
      long secs = seconds % 60;
      if (hours > 0) {
        out.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        out.append(minutes).append('m');
      }
      out.append(secs);
      if (subNanos > 0) {
        String frac = String.format("%09d", subNanos).replaceAll("0+$", "");
        out.append('.').append(frac);
      }
      out.append('s');
    }
    return negative ? "-" + out : out.toString();
  }

  private static String fractionText(long value, long div) {
    long whole = value / div;
    long rest = value % div;
    if (rest == 0) {
      return Long.toString(whole);
    }
    int digits = Long.toString(div).length() - 1;
    String frac = String.format("%0" + digits + "d", rest).replaceAll("0+$", "");
    return whole + "." + frac;
  }

  private static double unsignedToDouble(long value) {
    return value >= 0 ? value : (double) (value >>> 1) * 2.0;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1L;
      case "us":
      case "\u00b5s":
      case "\u03bcs":
        return 1_000L;
      case "ms":
        return 1_000_000L;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3_600_000_000_000L;
      default:
        return 0L;
    }
  }

  private static InvalidDurationException invalid(String text) {
    return new InvalidDurationException("time: invalid duration " + quote(text));
  }

  /** Go's {@code time.quote}: double quotes, with non-ASCII and control bytes written as {@code \xNN}. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c >= 0x80 || c < ' ') {
        out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
      } else {
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }
}
