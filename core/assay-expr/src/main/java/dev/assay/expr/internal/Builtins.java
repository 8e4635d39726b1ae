/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import dev.assay.expr.ExpressionLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runtime implementations of the non-predicate built-in functions. */
final class Builtins {
  /** One function body: receives evaluated arguments. */
  interface Fn {
    @Nullable Object apply(Object[] args, Frame f, ExpressionLimits limits);
  }

  static final Map<String, Fn> FUNCTIONS = new HashMap<>();

  private Builtins() {}

  static {
    FUNCTIONS.put("len", (a, f, l) -> len(a[0]));
    FUNCTIONS.put("abs", (a, f, l) -> Values.isInt(a[0]) ? (Object) Math.abs(((Number) a[0]).longValue())
        : (Object) Math.abs(num(a[0], "abs")));
    FUNCTIONS.put("ceil", (a, f, l) -> Math.ceil(num(a[0], "ceil")));
    FUNCTIONS.put("floor", (a, f, l) -> Math.floor(num(a[0], "floor")));
    FUNCTIONS.put("round", (a, f, l) -> roundHalfAway(num(a[0], "round")));
    FUNCTIONS.put("int", (a, f, l) -> toInt(a[0]));
    FUNCTIONS.put("float", (a, f, l) -> toFloat(a[0]));
    FUNCTIONS.put("string", (a, f, l) -> Values.format(a[0]));
    FUNCTIONS.put("max", (a, f, l) -> extreme(a, true));
    FUNCTIONS.put("min", (a, f, l) -> extreme(a, false));
    FUNCTIONS.put("mean", (a, f, l) -> mean(numbers(a, "mean")));
    FUNCTIONS.put("median", (a, f, l) -> median(numbers(a, "median")));
    FUNCTIONS.put("first", (a, f, l) -> end(a[0], "first"));
    FUNCTIONS.put("last", (a, f, l) -> end(a[0], "last"));
    FUNCTIONS.put("get", (a, f, l) -> get(a[0], a[1]));
    FUNCTIONS.put("keys", (a, f, l) -> freeze(new ArrayList<>(map(a[0], "keys").keySet())));
    FUNCTIONS.put("values", (a, f, l) -> freeze(new ArrayList<>(map(a[0], "values").values())));
    FUNCTIONS.put("sort", (a, f, l) -> a[0] == null || a[0] instanceof String ? freeze(new ArrayList<>())
        : sort(Values.asList(a[0], "sort"), a.length > 1 ? a[1] : "asc", f));
    FUNCTIONS.put("reverse", (a, f, l) -> {
      List<Object> out = new ArrayList<>(listOrCannot(a[0], "reverse"));
      Collections.reverse(out);
      return freeze(out);
    });
    FUNCTIONS.put("uniq", (a, f, l) -> uniq(Values.asList(a[0], "uniq"), f));
    FUNCTIONS.put("concat", (a, f, l) -> concat(a, l));
    FUNCTIONS.put("flatten", (a, f, l) -> {
      List<Object> out = new ArrayList<>();
      flatten(listOrCannot(a[0], "flatten"), out, l, 0);
      return freeze(out);
    });
    FUNCTIONS.put("take", (a, f, l) -> {
      List<?> in = listOrCannot(a[0], "take from");
      long n = Math.min(in.size(), Values.asLong(a[1]));
      if (n < 0) {
        throw Values.error("reflect.Value.Slice: slice index out of bounds");
      }
      return freeze(new ArrayList<>(in.subList(0, (int) n)));
    });
    StringBuiltins.register(FUNCTIONS);
    FUNCTIONS.put("now", (a, f, l) -> f.now());
    FUNCTIONS.put("duration", (a, f, l) -> Values.parseDuration(str(a[0], "duration")));
    FUNCTIONS.put("date", (a, f, l) -> date(a));
    FUNCTIONS.put("timezone", (a, f, l) -> GoTimes.zone(str(a[0], "timezone")).getId());
    FUNCTIONS.put("toJSON", (a, f, l) -> Json.write(a[0], l));
    FUNCTIONS.put("fromJSON", (a, f, l) -> Json.parse(str(a[0], "fromJSON")));
    FUNCTIONS.put("type", (a, f, l) -> type(a[0]));
    FUNCTIONS.put("toPairs", (a, f, l) -> {
      List<Object> out = new ArrayList<>();
      if (!(a[0] instanceof Map)) {
        throw Values.error("cannot transform " + Values.formatTypeS(a[0]) + " to pairs");
      }
      for (Map.Entry<?, ?> e : ((Map<?, ?>) a[0]).entrySet()) {
        out.add(freeze(new ArrayList<>(java.util.Arrays.asList(e.getKey(), e.getValue()))));
      }
      return freeze(out);
    });
    FUNCTIONS.put("fromPairs", (a, f, l) -> {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Object p : Values.asList(a[0], "fromPairs")) {
        List<?> pair = Values.asList(p, "fromPairs");
        if (pair.size() != 2) {
          throw Values.error("invalid pair " + Values.format(p));
        }
        out.put(Values.format(pair.get(0)), pair.get(1));
      }
      return Collections.unmodifiableMap(out);
    });
    FUNCTIONS.put("bitnot", (a, f, l) -> ~bitArg(a[0], "bitnot"));
    FUNCTIONS.put("bitand", (a, f, l) -> bitArg(a[0], "bitand") & bitArg(a[1], "bitand"));
    FUNCTIONS.put("bitor", (a, f, l) -> bitArg(a[0], "bitor") | bitArg(a[1], "bitor"));
    FUNCTIONS.put("bitxor", (a, f, l) -> bitArg(a[0], "bitxor") ^ bitArg(a[1], "bitxor"));
    FUNCTIONS.put("bitnand", (a, f, l) -> bitArg(a[0], "bitnand") & ~bitArg(a[1], "bitnand"));
    FUNCTIONS.put("bitshl", (a, f, l) -> bitArg(a[0], "bitshl") << shift(bitArg(a[1], "bitshl")));
    FUNCTIONS.put("bitshr", (a, f, l) -> bitArg(a[0], "bitshr") >> shift(bitArg(a[1], "bitshr")));
    FUNCTIONS.put("bitushr", (a, f, l) -> bitArg(a[0], "bitushr") >>> shift(bitArg(a[1], "bitushr")));
  }

  private static long shift(@Nullable Object n) {
    long s = Values.asLong(n);
    if (s < 0) {
      throw Values.error("invalid operation: negative shift count " + s);
    }
    return Math.min(s, 64);
  }

  static List<Object> freeze(List<Object> l) {
    return Collections.unmodifiableList(l);
  }

  private static @Nullable Object end(@Nullable Object v, String which) {
    if (!(v instanceof List)) {
      throw Values.error("cannot get " + which + " element from " + Values.formatS(v));
    }
    List<?> l = (List<?>) v;
    return l.isEmpty() ? null : l.get(which.equals("first") ? 0 : l.size() - 1);
  }

  static long len(@Nullable Object v) {
    if (v instanceof byte[]) {
      return ((byte[]) v).length;
    } else if (v instanceof String) {
      return ((String) v).codePointCount(0, ((String) v).length()); // v1.17.8 counts runes
    } else if (v instanceof List) {
      return ((List<?>) v).size();
    } else if (v instanceof Map) {
      return ((Map<?, ?>) v).size();
    }
    throw Values.error("invalid argument for len (type " + Values.typeName(v) + ")");
  }

  private static double num(@Nullable Object v, String fn) {
    if (Values.isNumber(v)) {
      return ((Number) v).doubleValue();
    }
    throw Values.error("invalid argument for " + fn + " (type " + Values.typeName(v) + ")");
  }

  static String str(@Nullable Object v, String fn) {
    if (v instanceof String) {
      return (String) v;
    }
    throw Values.error("interface conversion: interface {} is " + Values.typeNameOrNil(v) + ", not string");
  }

  /** An int argument of a bit function, checked at run time as expr checks it. */
  private static long bitArg(@Nullable Object v, String fn) {
    if (Values.isInt(v)) {
      return ((Number) v).longValue();
    }
    throw Values.error("cannot use " + Values.typeName(v) + " as argument (type int) to call " + fn);
  }

  private static List<?> listOrCannot(@Nullable Object v, String verb) {
    if (v instanceof List) {
      return (List<?>) v;
    }
    throw Values.error("cannot " + verb + " " + Values.formatTypeS(v));
  }

  private static Map<?, ?> map(@Nullable Object v, String fn) {
    if (v instanceof Map) {
      return (Map<?, ?>) v;
    }
    throw Values.error("invalid argument for " + fn + " (type " + Values.typeName(v) + ")");
  }

  private static double roundHalfAway(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return d < 0 ? -Math.floor(-d + 0.5) : Math.floor(d + 0.5);
  }

  static Object toInt(@Nullable Object v) {
    if (Values.isInt(v)) {
      return ((Number) v).longValue();
    } else if (Values.isFloat(v)) {
      return (long) ((Number) v).doubleValue();
    } else if (v instanceof String) {
      try {
        return Long.parseLong(((String) v).startsWith("+") ? ((String) v).substring(1) : (String) v);
      } catch (NumberFormatException ex) {
        throw Values.error("invalid operation: int(" + v + ")");
      }
    }
    throw Values.error("invalid argument for int (type " + Values.formatTypeS(v) + ")");
  }

  static Object toFloat(@Nullable Object v) {
    if (Values.isNumber(v)) {
      return ((Number) v).doubleValue();
    } else if (v instanceof String) {
      try {
        return GoNumbers.parseFloat((String) v);
      } catch (ExpressionEvaluationException ex) {
        throw Values.error("invalid operation: float(" + v + ")");
      }
    }
    throw Values.error("invalid argument for float (type " + Values.formatTypeS(v) + ")");
  }

  /** expr flattens nested arrays in the arguments of mean and median. */
  private static void flattenInto(@Nullable Object a, List<Object> out, int depth) {
    if (a instanceof List && depth < 100) {
      for (Object o : (List<?>) a) {
        flattenInto(o, out, depth + 1);
      }
    } else {
      out.add(a);
    }
  }

  private static List<Object> numbers(Object[] args, String fn) {
    List<Object> out = new ArrayList<>();
    for (Object a : args) {
      if (fn.startsWith("me")) {
        flattenInto(a, out, 0);
      } else if (a instanceof List) {
        out.addAll((List<?>) a);
      } else {
        out.add(a);
      }
    }
    for (Object o : out) {
      if (!Values.isNumber(o)) {
        throw Values.error("invalid argument for " + fn + " (type " + Values.typeName(o) + ")");
      }
    }
    return out;
  }

  private static @Nullable Object extreme(Object[] args, boolean max) {
    if (args.length == 1 && args[0] == null) {
      throw Values.error("invalid argument for " + (max ? "max" : "min") + " (type %!s(<nil>))");
    }
    List<Object> all = numbers(args, max ? "max" : "min");
    if (all.isEmpty()) {
      return null; // expr v1.17.8: max([]) is nil
    }
    Object best = all.get(0);
    for (Object o : all) {
      if (max ? Values.compare(">", o, best) : Values.compare("<", o, best)) {
        best = o;
      }
    }
    return best;
  }

  private static double mean(List<Object> xs) {
    if (xs.isEmpty()) {
      return 0.0;
    }
    double sum = 0;
    for (Object o : xs) {
      sum += ((Number) o).doubleValue();
    }
    return sum / xs.size();
  }

  private static double median(List<Object> xs) {
    if (xs.isEmpty()) {
      return 0.0;
    }
    double[] d = new double[xs.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = ((Number) xs.get(i)).doubleValue();
    }
    java.util.Arrays.sort(d);
    int m = d.length / 2;
    return d.length % 2 == 1 ? d[m] : (d[m - 1] + d[m]) / 2;
  }

  /** {@code get} at run time (the checker rejects statically wrong containers and keys). */
  private static @Nullable Object get(@Nullable Object v, @Nullable Object key) {
    if (v instanceof Map) {
      if (key != null && !(key instanceof String)) {
        throw Values.error("reflect.Value.MapIndex: value of type " + Values.typeName(key)
            + " is not assignable to type string");
      }
      return ((Map<?, ?>) v).get(key);
    }
    if ((v instanceof List || v instanceof String) && !Values.isInt(key)) {
      throw Values.error("invalid operation: int(" + Values.typeName(key) + ")");
    }
    if (v instanceof String) {
      byte[] b = ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      long i = ((Number) key).longValue();
      i = i < 0 ? i + b.length : i;
      return i >= 0 && i < b.length ? (Object) (long) (b[(int) i] & 0xff) : null;
    }
    if (!(v instanceof List)) {
      return null;
    }
    if (v instanceof List && Values.isInt(key)) {
      List<?> l = (List<?>) v;
      long i = ((Number) key).longValue();
      i = i < 0 ? i + l.size() : i;
      return i >= 0 && i < l.size() ? l.get((int) i) : null;
    }
    return null;
  }

  /** The positions of {@code keys} in sorted order (stable); the work is charged to the step budget. */
  static List<Integer> sortOrder(List<?> keys, @Nullable Object order, Frame f) {
    if (!"asc".equals(order) && !"desc".equals(order)) {
      throw Values.error("unknown order, use asc or desc");
    }
    f.steps((long) keys.size() * (1 + 64 - Long.numberOfLeadingZeros(keys.size() + 1L)));
    List<Integer> positions = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      positions.add(i);
    }
    boolean desc = "desc".equals(order);
    positions.sort((i, j) -> {
      Object x = keys.get(i);
      Object y = keys.get(j);
      int c = Values.compare("<", x, y) ? -1 : Values.compare("<", y, x) ? 1 : 0;
      return desc ? -c : c;
    });
    return positions;
  }

  static List<Object> sort(List<?> in, @Nullable Object order, Frame f) {
    if (!"asc".equals(order) && !"desc".equals(order)) {
      throw Values.error("unknown order, use asc or desc");
    }
    f.steps((long) in.size() * (1 + 64 - Long.numberOfLeadingZeros(in.size() + 1L)));
    List<Object> out = new ArrayList<>(in);
    boolean desc = "desc".equals(order);
    out.sort((x, y) -> {
      int c = Values.compare("<", x, y) ? -1 : Values.compare("<", y, x) ? 1 : 0;
      return desc ? -c : c;
    });
    return freeze(out);
  }

  private static List<Object> uniq(List<?> in, Frame f) {
    f.steps((long) in.size() * in.size() / 2 + 1);
    List<Object> out = new ArrayList<>();
    outer:
    for (Object o : in) {
      for (Object seen : out) {
        if (Values.equal(o, seen)) {
          continue outer;
        }
      }
      out.add(o);
    }
    return freeze(out);
  }

  private static List<Object> concat(Object[] args, ExpressionLimits l) {
    List<Object> out = new ArrayList<>();
    for (Object a : args) {
      List<?> part = listOrCannot(a, "concat");
      l.checkCollection((long) out.size() + part.size());
      out.addAll(part);
    }
    return freeze(out);
  }

  private static void flatten(List<?> in, List<Object> out, ExpressionLimits l, int depth) {
    if (depth > 1000) {
      throw Values.error("value is nested too deeply");
    }
    for (Object o : in) {
      if (o instanceof List) {
        flatten((List<?>) o, out, l, depth + 1);
      } else {
        out.add(o);
        l.checkCollection(out.size());
      }
    }
  }

  private static Object date(Object[] a) {
    String value = str(a[0], "date");
    java.time.ZoneId zone = a.length > 2 ? GoTimes.zone(str(a[2], "date")) : ZoneOffset.UTC;
    if (a.length > 1) {
      return GoTimes.parse(value, str(a[1], "date"), zone);
    }
    for (String layout : GoTimes.DEFAULT_LAYOUTS) {
      try {
        return GoTimes.parse(value, layout, zone);
      } catch (dev.assay.expr.ExpressionEvaluationException ex) {
        // try the next layout, as expr-lang does
      }
    }
    throw Values.error("invalid date " + value);
  }

  private static String type(@Nullable Object v) {
    if (v == null) {
      return "nil";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (Values.isInt(v)) {
      return "int";
    } else if (Values.isFloat(v)) {
      return "float";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof List) {
      return "array";
    } else if (v instanceof Map) {
      return "map";
    } else if (v instanceof Instant) {
      return "time.Time";
    } else if (v instanceof Duration) {
      return "time.Duration";
    }
    return "unknown";
  }
}
