/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import dev.assay.expr.FloatVector;
import dev.assay.model.GoDuration;
import dev.assay.model.InvalidDurationException;
import dev.assay.gotext.GoText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one place where Java values meet the language's types. Integers (Long, Integer, Short, Byte, BigInteger) are
 * Go {@code int}; Double, Float and BigDecimal are {@code float64}; String, Boolean, null ({@code nil}),
 * {@link List} ({@code []interface {}}), {@link Map} with String keys ({@code map[string]interface {}}),
 * {@link Instant} ({@code time.Time}) and {@link Duration} ({@code time.Duration}).
 */
public final class Values {
  private static final int MAX_VALUE_DEPTH = 1000;

  private Values() {}

  static ExpressionEvaluationException error(String message) {
    return new ExpressionEvaluationException(message);
  }

  static boolean isInt(@Nullable Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger;
  }

  static boolean isFloat(@Nullable Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  static boolean isNumber(@Nullable Object v) {
    return v instanceof Number && (isInt(v) || isFloat(v));
  }

  /** Go's {@code %T} of a value. */
  public static String typeName(@Nullable Object v) {
    if (v == null) {
      return "<nil>";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (isInt(v)) {
      return "int";
    } else if (isFloat(v)) {
      return "float64";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof FloatVector) {
      return "[]float64";
    } else if (v instanceof RangeList) {
      return "[]int";
    } else if (v instanceof byte[]) {
      return "[]uint8";
    } else if (v instanceof List) {
      return "[]interface {}";
    } else if (v instanceof Map) {
      return "map[string]interface {}";
    } else if (v instanceof Instant) {
      return "time.Time";
    } else if (v instanceof Duration) {
      return "time.Duration";
    }
    return v.getClass().getName();
  }

  static boolean asBool(@Nullable Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    throw error("interface conversion: interface {} is " + typeNameOrNil(v) + ", not bool");
  }

  static double asDouble(@Nullable Object v) {
    if (v instanceof Double) {
      return (Double) v;
    }
    if (isNumber(v)) {
      return ((Number) v).doubleValue();
    }
    throw error("interface conversion: interface {} is " + typeNameOrNil(v) + ", not float64");
  }

  static long asLong(@Nullable Object v) {
    if (v instanceof Long) {
      return (Long) v;
    }
    if (isInt(v)) {
      return ((Number) v).longValue();
    }
    throw error("interface conversion: interface {} is " + typeNameOrNil(v) + ", not int");
  }

  static String asString(@Nullable Object v, String function) {
    if (v instanceof String) {
      return (String) v;
    }
    throw error("invalid argument for " + function + " (type " + typeName(v) + ")");
  }

  static List<?> asList(@Nullable Object v, String function) {
    if (v instanceof List) {
      return (List<?>) v;
    }
    throw error("invalid argument for " + function + " (type " + typeName(v) + ")");
  }

  /** expr's {@code ==}: numbers compare numerically across int and float; NaN is unequal to itself. */
  static boolean equal(@Nullable Object a, @Nullable Object b) {
    return equal(a, b, 0);
  }

  private static boolean equal(@Nullable Object a, @Nullable Object b, int depth) {
    if (depth > MAX_VALUE_DEPTH) {
      throw error("value is nested too deeply");
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        return ((Number) a).longValue() == ((Number) b).longValue();
      }
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.get(i), y.get(i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return java.util.Arrays.equals((byte[]) a, (byte[]) b);
    }
    return a.equals(b);
  }

  /** Go's {@code %T} as an interface conversion names it: {@code nil} for nil. */
  static String typeNameOrNil(@Nullable Object v) {
    return v == null ? "nil" : typeName(v);
  }

  /** Go's {@code %s} of a value's type position in builtin messages: {@code %!s(<nil>)} for nil. */
  static String formatTypeS(@Nullable Object v) {
    return v == null ? "%!s(<nil>)" : typeName(v);
  }

  /** Go's {@code %s} of a value inside an error text: {@code %!s(<nil>)} for nil. */
  static String formatS(@Nullable Object v) {
    return v == null ? "%!s(<nil>)" : format(v);
  }

  /** expr's ordering operators; {@code op} is one of {@code < <= > >=}. */
  static boolean compare(String op, @Nullable Object a, @Nullable Object b) {
    int c;
    if (isNumber(a) && isNumber(b)) {
      if (isInt(a) && isInt(b)) {
        c = Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      } else {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return compareDoubles(op, x, y);
      }
    } else if (a instanceof String && b instanceof String) {
      c = ((String) a).compareTo((String) b);
    } else if (a instanceof Instant && b instanceof Instant) {
      c = ((Instant) a).compareTo((Instant) b);
    } else if (a instanceof Duration && b instanceof Duration) {
      c = ((Duration) a).compareTo((Duration) b);
    } else {
      throw error("invalid operation: " + typeName(a) + " " + op + " " + typeName(b));
    }
    switch (op) {
      case "<": return c < 0;
      case "<=": return c <= 0;
      case ">": return c > 0;
      default: return c >= 0;
    }
  }

  static boolean compareDoubles(String op, double x, double y) {
    switch (op) {
      case "<": return x < y;
      case "<=": return x <= y;
      case ">": return x > y;
      default: return x >= y;
    }
  }

  /** Go's {@code fmt.Sprint} ({@code %v}) rendering, used by {@code string()} and messages. */
  static String format(@Nullable Object v) {
    StringBuilder sb = new StringBuilder();
    format(sb, v, 0);
    return sb.toString();
  }

  private static void format(StringBuilder sb, @Nullable Object v, int depth) {
    if (depth > MAX_VALUE_DEPTH) {
      throw error("value is nested too deeply");
    }
    if (v == null) {
      sb.append("<nil>");
    } else if (isFloat(v)) {
      sb.append(formatFloatV(((Number) v).doubleValue()));
    } else if (v instanceof List) {
      sb.append('[');
      String sep = "";
      for (Object o : (List<?>) v) {
        sb.append(sep);
        format(sb, o, depth + 1);
        sep = " ";
      }
      sb.append(']');
    } else if (v instanceof Map) {
      sb.append("map[");
      String sep = "";
      for (Map.Entry<String, Object> e : sortedEntries((Map<?, ?>) v).entrySet()) {
        sb.append(sep).append(e.getKey()).append(':');
        format(sb, e.getValue(), depth + 1);
        sep = " ";
      }
      sb.append(']');
    } else if (v instanceof Duration) {
      sb.append(GoDuration.format((Duration) v));
    } else if (v instanceof Instant) {
      sb.append(GoTimes.format((Instant) v));
    } else {
      sb.append(v);
    }
  }

  static TreeMap<String, Object> sortedEntries(Map<?, ?> m) {
    TreeMap<String, Object> sorted = new TreeMap<>(GoText::compareStrings);
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sorted.put(String.valueOf(e.getKey()), e.getValue());
    }
    return sorted;
  }

  /** Converts a caller's value into the canonical runtime form (double arrays become lists). */
  public static @Nullable Object normalize(@Nullable Object v) {
    if (v instanceof double[]) {
      return DoubleArrayVector.copyOf((double[]) v);
    }
    if (v instanceof Object[]) {
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(((Object[]) v).clone()));
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return v;
  }

  /**
   * Expr's float text: Go's shortest digits as {@code %v}, except that values from 1e6 up to 1e21 stay plain as
   * before (kept unchanged while consolidating; see the dedupe report).
   */
  static String formatFloatV(double d) {
    double abs = Math.abs(d);
    if (abs >= 1e6 && abs < 1e21) {
      return GoText.formatFloat(d);
    }
    return GoText.formatV(d);
  }

  /**
   * Go's {@code time.ParseDuration} by the model's {@link GoDuration}, with its Go error text as an evaluation error.
   */
  static Duration parseDuration(String text) {
    try {
      return GoDuration.parse(text);
    } catch (InvalidDurationException ex) {
      throw new ExpressionEvaluationException(ex.getMessage());
    }
  }

  /** Go's {@code strconv.Quote} for the plain strings that appear in conversion and time messages. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
