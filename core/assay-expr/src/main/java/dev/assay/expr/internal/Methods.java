/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.model.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The methods of Go's {@code time.Duration} and {@code time.Time} that conditions may call, such as
 * {@code duration("1h").Hours()} (see {@code docs/conditions.md}, "Methods"). Nothing else is reachable: there is
 * no reflection, only this table.
 */
final class Methods {
  static final Type MONTH = Type.named(Type.Kind.OTHER, "time.Month");
  static final Type WEEKDAY = Type.named(Type.Kind.OTHER, "time.Weekday");

  /** Result types by receiver kind and name, with the number of arguments. */
  private static final Map<String, Type> DURATION = Map.ofEntries(
      Map.entry("Hours/0", Type.FLOAT), Map.entry("Minutes/0", Type.FLOAT), Map.entry("Seconds/0", Type.FLOAT),
      Map.entry("Milliseconds/0", Type.INT64), Map.entry("Microseconds/0", Type.INT64),
      Map.entry("Nanoseconds/0", Type.INT64), Map.entry("String/0", Type.STRING),
      Map.entry("Round/1", Type.DURATION), Map.entry("Truncate/1", Type.DURATION), Map.entry("Abs/0", Type.DURATION));
  private static final Map<String, Type> TIME = Map.ofEntries(
      Map.entry("Year/0", Type.INT), Map.entry("Month/0", MONTH), Map.entry("Day/0", Type.INT),
      Map.entry("Hour/0", Type.INT), Map.entry("Minute/0", Type.INT), Map.entry("Second/0", Type.INT),
      Map.entry("Nanosecond/0", Type.INT), Map.entry("YearDay/0", Type.INT), Map.entry("Weekday/0", WEEKDAY),
      Map.entry("Unix/0", Type.INT64), Map.entry("UnixMilli/0", Type.INT64), Map.entry("UnixNano/0", Type.INT64),
      Map.entry("String/0", Type.STRING), Map.entry("Format/1", Type.STRING), Map.entry("IsZero/0", Type.BOOL),
      Map.entry("After/1", Type.BOOL), Map.entry("Before/1", Type.BOOL), Map.entry("Equal/1", Type.BOOL),
      Map.entry("Add/1", Type.TIME), Map.entry("Sub/1", Type.DURATION), Map.entry("UTC/0", Type.TIME),
      Map.entry("Truncate/1", Type.TIME), Map.entry("AddDate/3", Type.TIME));

  private Methods() {}

  /** The result type, or null when the receiver has no such method. */
  static @Nullable Type result(Type receiver, String name, int arity) {
    Map<String, Type> table = receiver.kind() == Type.Kind.DURATION ? DURATION
        : receiver.kind() == Type.Kind.TIME ? TIME : Map.of();
    Type t = table.get(name + "/" + arity);
    if (t == null && (table.containsKey(name + "/0") || table.containsKey(name + "/1")
        || table.containsKey(name + "/3"))) {
      return null;
    }
    return t;
  }

  /** Calls a method on a runtime value. */
  static @Nullable Object invoke(@Nullable Object receiver, String name, Object[] args) {
    if (receiver instanceof Duration) {
      return duration((Duration) receiver, name, args);
    } else if (receiver instanceof Instant) {
      return time((Instant) receiver, name, args);
    }
    throw Values.error("type " + Values.typeName(receiver) + " has no method " + name);
  }

  private static Object duration(Duration d, String name, Object[] args) {
    long ns = d.toNanos();
    switch (name) {
      case "Hours": return ns / 3_600_000_000_000L + (ns % 3_600_000_000_000L) / 3.6e12;
      case "Minutes": return ns / 60_000_000_000L + (ns % 60_000_000_000L) / 6e10;
      case "Seconds": return ns / 1_000_000_000L + (ns % 1_000_000_000L) / 1e9;
      case "Milliseconds": return ns / 1_000_000L;
      case "Microseconds": return ns / 1_000L;
      case "Nanoseconds": return ns;
      case "String": return GoDuration.format(d);
      case "Abs": return ns == Long.MIN_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(Math.abs(ns));
      case "Round": return Duration.ofNanos(round(ns, nanos(args[0])));
      case "Truncate": {
        long m = nanos(args[0]);
        return m <= 0 ? d : Duration.ofNanos(ns - ns % m);
      }
      default: throw Values.error("type time.Duration has no method " + name);
    }
  }

  /** Go's {@code Duration.Round}: halfway values round away from zero. */
  private static long round(long d, long m) {
    if (m <= 0) {
      return d;
    }
    long r = d % m;
    if (d < 0) {
      r = -r;
      return r + r < m ? d + r : d + r - m;
    }
    return r + r < m ? d - r : d - r + m;
  }

  private static long nanos(@Nullable Object v) {
    if (v instanceof Duration) {
      return ((Duration) v).toNanos();
    }
    throw Values.error("reflect: Call using " + Values.typeName(v) + " as type time.Duration");
  }

  private static Instant instant(@Nullable Object v) {
    if (v instanceof Instant) {
      return (Instant) v;
    }
    throw Values.error("reflect: Call using " + Values.typeName(v) + " as type time.Time");
  }

  private static Object time(Instant t, String name, Object[] args) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    switch (name) {
      case "Year": return (long) z.getYear();
      case "Month": return (long) z.getMonthValue();
      case "Day": return (long) z.getDayOfMonth();
      case "Hour": return (long) z.getHour();
      case "Minute": return (long) z.getMinute();
      case "Second": return (long) z.getSecond();
      case "Nanosecond": return (long) z.getNano();
      case "YearDay": return (long) z.getDayOfYear();
      case "Weekday": return (long) (z.getDayOfWeek().getValue() % 7);
      case "Unix": return t.getEpochSecond();
      case "UnixMilli": return t.toEpochMilli();
      case "UnixNano": return t.getEpochSecond() * 1_000_000_000L + t.getNano();
      case "String": return GoTimes.format(t);
      case "Format": return format(z, Values.asString(args[0], "Format"));
      case "IsZero": return t.equals(Instant.parse("0001-01-01T00:00:00Z"));
      case "After": return t.isAfter(instant(args[0]));
      case "Before": return t.isBefore(instant(args[0]));
      case "Equal": return t.equals(instant(args[0]));
      case "Add": return t.plusNanos(nanos(args[0]));
      case "Sub": return Duration.between(instant(args[0]), t);
      case "UTC": return t;
      case "Truncate": {
        long m = nanos(args[0]);
        if (m <= 0) {
          return t;
        }
        long since = Math.floorMod(t.getEpochSecond() * 1_000_000_000L + t.getNano(), m);
        return t.minusNanos(since);
      }
      case "AddDate":
        return z.plusYears(Values.asLong(args[0])).plusMonths(Values.asLong(args[1])).plusDays(Values.asLong(args[2]))
            .toInstant();
      default: throw Values.error("type time.Time has no method " + name);
    }
  }

  /** Go's reference-time layout elements, longest first where one is a prefix of another. */
  private static final java.util.List<Map.Entry<String, java.util.function.Function<ZonedDateTime, String>>> LAYOUT =
      java.util.List.of(
          Map.entry("2006", z -> String.format(Locale.ROOT, "%04d", z.getYear())),
          Map.entry("January", z -> z.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
          Map.entry("Jan", z -> z.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)),
          Map.entry("Monday", z -> z.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
          Map.entry("Mon", z -> z.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)),
          Map.entry("MST", z -> "UTC"),
          Map.entry("Z07:00", z -> "Z"),
          Map.entry("01", z -> twoDigits(z.getMonthValue())),
          Map.entry("02", z -> twoDigits(z.getDayOfMonth())),
          Map.entry("15", z -> twoDigits(z.getHour())),
          Map.entry("04", z -> twoDigits(z.getMinute())),
          Map.entry("05", z -> twoDigits(z.getSecond())));

  private static String twoDigits(int v) {
    return String.format(Locale.ROOT, "%02d", v);
  }

  /** Go's reference-time layout for the common elements; other text is copied. */
  static String format(ZonedDateTime z, String layout) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      for (Map.Entry<String, java.util.function.Function<ZonedDateTime, String>> e : LAYOUT) {
        if (layout.startsWith(e.getKey(), i)) {
          sb.append(e.getValue().apply(z));
          i += e.getKey().length();
          continue outer;
        }
      }
      sb.append(layout.charAt(i++));
    }
    return sb.toString();
  }
}
