/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** Go's reference-time layouts ({@code 2006-01-02 15:04:05}) for {@code date()}, and {@code Time.String()}. */
final class GoTimes {
  /** Layouts {@code date(s)} tries when none is given, as expr-lang does. */
  static final List<String> DEFAULT_LAYOUTS = List.of(
      "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02", "2006-01-02 15:04",
      "2006-01-02 15:04:05", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05", "02 Jan 06 15:04 MST",
      "02 Jan 06 15:04 -0700", "Mon, 02 Jan 2006 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05 -0700",
      "Mon Jan _2 15:04:05 2006", "Mon Jan _2 15:04:05 MST 2006");
  private static final String[] TOKENS = {"January", "Monday", "2006", "Jan", "Mon", "MST", "Z07:00", "Z0700",
    "-07:00", "-0700", "01", "02", "_2", "15", "03", "04", "05", "06", "PM", "pm", "1", "2", "3", "4", "5"};
  private static final DateTimeFormatter STRING_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private GoTimes() {}

  /** {@code time.Time.String()} in UTC: {@code 2023-08-14 00:00:00 +0000 UTC}. */
  static String format(Instant t) {
    LocalDateTime l = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    String frac = l.getNano() == 0 ? "" : ("." + String.format("%09d", l.getNano()).replaceAll("0+$", ""));
    return STRING_FORMAT.format(l) + frac + " +0000 UTC";
  }

  static ZoneId zone(String name) {
    try {
      return name.equals("Local") ? ZoneOffset.UTC : ZoneId.of(name);
    } catch (DateTimeException ex) {
      throw new ExpressionEvaluationException("unknown time zone " + name);
    }
  }

  /** Parses {@code value} with a Go layout; the zone applies when the layout has no offset. */
  static Instant parse(String value, String layout, ZoneId zone) {
    int[] f = {1, 1, 1, 0, 0, 0, 0}; // year month day hour minute second nano
    int pm = -1;
    ZoneId offset = null;
    int v = 0;
    int l = 0;
    while (l < layout.length()) {
      String tok = tokenAt(layout, l);
      if (tok == null) {
        if (v >= value.length() || value.charAt(v) != layout.charAt(l)) {
          throw cannot(value, layout, value.substring(Math.min(v, value.length())), layout.substring(l));
        }
        v++;
        l++;
        continue;
      }
      String rest = value.substring(v);
      int[] got = new int[1];
      int used;
      switch (tok) {
        case "2006": used = digits(rest, 4, 4, got); f[0] = got[0]; break;
        case "06": used = digits(rest, 2, 2, got); f[0] = 2000 + got[0] - (got[0] >= 69 ? 100 : 0); break;
        case "01": case "1": used = digits(rest, tok.length(), 2, got); f[1] = got[0]; break;
        case "Jan": case "January": used = monthName(rest, tok.length() == 3, got); f[1] = got[0]; break;
        case "02": case "2": used = digits(rest, tok.length(), 2, got); f[2] = got[0]; break;
        case "_2": used = rest.startsWith(" ") ? 1 + digits(rest.substring(1), 1, 1, got)
            : digits(rest, 2, 2, got); f[2] = got[0]; break;
        case "15": used = digits(rest, 1, 2, got); f[3] = got[0]; break;
        case "03": case "3": used = digits(rest, tok.length(), 2, got); f[3] = got[0] % 12; break;
        case "04": case "4": used = digits(rest, tok.length(), 2, got); f[4] = got[0]; break;
        case "05": case "5": used = digits(rest, tok.length(), 2, got); f[5] = got[0]; break;
        case "PM": case "pm": used = rest.length() >= 2 ? 2 : -1;
          pm = used < 0 ? -1 : (rest.substring(0, 2).equalsIgnoreCase("PM") ? 1 : 0); break;
        case "Mon": case "Monday": used = letters(rest); break;
        case "MST": used = letters(rest); if (used > 0) { offset = abbreviation(rest.substring(0, used)); } break;
        default: used = zoneOffset(rest, tok, got); if (used > 0) { offset = ZoneOffset.ofTotalSeconds(got[0]); }
      }
      if (used <= 0) {
        throw cannot(value, layout, rest, tok);
      }
      v += used;
      l += tok.length();
      if (tok.equals("05") || tok.equals("5")) {
        int fr = fraction(value, v, layout, l, f);
        v = fr >> 16;
        l = fr & 0xffff;
      }
    }
    if (v != value.length()) {
      throw new ExpressionEvaluationException("parsing time " + Values.quote(value) + ": extra text: "
          + Values.quote(value.substring(v)));
    }
    if (pm == 1) {
      f[3] += 12;
    }
    try {
      LocalDateTime ldt = LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
      return ldt.atZone(offset != null ? offset : zone).toInstant();
    } catch (DateTimeException ex) {
      throw new ExpressionEvaluationException("parsing time " + Values.quote(value) + ": "
          + "day out of range");
    }
  }

  /** Handles {@code .000}/{@code .999} after seconds; returns packed (valuePos << 16 | layoutPos). */
  private static int fraction(String value, int v, String layout, int l, int[] f) {
    boolean layoutFrac = l + 1 < layout.length() && (layout.charAt(l) == '.' || layout.charAt(l) == ',')
        && (layout.charAt(l + 1) == '0' || layout.charAt(l + 1) == '9');
    if (layoutFrac) {
      l++;
      while (l < layout.length() && (layout.charAt(l) == '0' || layout.charAt(l) == '9')) {
        l++;
      }
    }
    if (v < value.length() && value.charAt(v) == '.') {
      int s = ++v;
      while (v < value.length() && Character.isDigit(value.charAt(v))) {
        v++;
      }
      String digits = (value.substring(s, v) + "000000000").substring(0, 9);
      f[6] = Integer.parseInt(digits);
    }
    return (v << 16) | l;
  }

  private static String tokenAt(String layout, int i) {
    for (String t : TOKENS) {
      if (layout.startsWith(t, i)) {
        return t;
      }
    }
    return null;
  }

  private static int digits(String s, int min, int max, int[] out) {
    int n = 0;
    while (n < max && n < s.length() && Character.isDigit(s.charAt(n))) {
      n++;
    }
    if (n < min) {
      return -1;
    }
    out[0] = Integer.parseInt(s.substring(0, n));
    return n;
  }

  private static int letters(String s) {
    int n = 0;
    while (n < s.length() && Character.isLetter(s.charAt(n))) {
      n++;
    }
    return n;
  }

  private static int monthName(String s, boolean shortName, int[] out) {
    for (java.time.Month m : java.time.Month.values()) {
      String name = m.getDisplayName(shortName ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
      if (s.startsWith(name)) {
        out[0] = m.getValue();
        return name.length();
      }
    }
    return -1;
  }

  private static ZoneId abbreviation(String s) {
    return s.equals("UTC") || s.equals("GMT") || s.equals("Z") ? ZoneOffset.UTC : zoneOrUtc(s);
  }

  private static ZoneId zoneOrUtc(String s) {
    try {
      return ZoneId.of(s, ZoneId.SHORT_IDS);
    } catch (DateTimeException ex) {
      return ZoneOffset.UTC;
    }
  }

  private static int zoneOffset(String s, String tok, int[] out) {
    if (tok.startsWith("Z") && s.startsWith("Z")) {
      out[0] = 0;
      return 1;
    }
    boolean colon = tok.contains(":");
    int len = colon ? 6 : 5;
    if (s.length() < len || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
      return -1;
    }
    try {
      int h = Integer.parseInt(s.substring(1, 3));
      int m = Integer.parseInt(s.substring(colon ? 4 : 3, len));
      out[0] = (s.charAt(0) == '-' ? -1 : 1) * (h * 3600 + m * 60);
      return len;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  private static ExpressionEvaluationException cannot(String value, String layout, String rest, String elem) {
    return new ExpressionEvaluationException("parsing time " + Values.quote(value) + " as "
        + Values.quote(layout) + ": cannot parse " + Values.quote(rest) + " as " + Values.quote(elem));
  }
}
