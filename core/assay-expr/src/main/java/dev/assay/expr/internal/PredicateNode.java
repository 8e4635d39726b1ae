/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A built-in that runs a predicate over a list ({@code all}, {@code filter}, {@code sum}, ...). The element,
 * {@code #index} and {@code #acc} live in the frame at this predicate's nesting level; each element costs a step.
 */
final class PredicateNode extends Node {
  private static final List<String> KINDS = List.of("all", "any", "none", "one", "filter", "map", "count", "sum",
      "find", "findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce");
  private static final int ALL = 0;
  private static final int ANY = 1;
  private static final int NONE = 2;
  private static final int ONE = 3;

  private final String name;
  private final int kind;
  private final Node list;
  private final @Nullable Node body;
  private final Node[] extra;
  private final int level;
  private final ExpressionLimits limits;

  PredicateNode(String name, Node list, @Nullable Node body, Node[] extra, int level, ExpressionLimits limits) {
    this.name = name;
    this.kind = KINDS.indexOf(name);
    this.list = list;
    this.body = body;
    this.extra = extra.clone();
    this.level = level;
    this.limits = limits;
  }

  private List<?> items(@Nullable Object r, Frame f) {
    Object v = list.eval(r, f);
    if (v instanceof List) {
      f.steps(((List<?>) v).size());
      return (List<?>) v;
    }
    throw Values.error("reflect: call of reflect.Value.Len on " + (v == null ? "zero" : Values.typeName(v)) + " Value");
  }

  private boolean test(List<?> l, int i, @Nullable Object r, Frame f) {
    f.elem[level] = l.get(i);
    f.index[level] = i;
    return body == null ? Values.asBool(l.get(i)) : body.evalBool(r, f);
  }

  private @Nullable Object apply(List<?> l, int i, @Nullable Object r, Frame f) {
    f.elem[level] = l.get(i);
    f.index[level] = i;
    return body == null ? l.get(i) : body.eval(r, f);
  }

  @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
    if (kind > ONE) {
      return Values.asBool(eval(r, f));
    }
    List<?> l = items(r, f);
    int n = l.size();
    switch (kind) {
      case ALL:
        for (int i = 0; i < n; i++) {
          if (!test(l, i, r, f)) {
            return false;
          }
        }
        return true;
      case ANY:
        for (int i = 0; i < n; i++) {
          if (test(l, i, r, f)) {
            return true;
          }
        }
        return false;
      case NONE:
        for (int i = 0; i < n; i++) {
          if (test(l, i, r, f)) {
            return false;
          }
        }
        return true;
      default:
        int count = 0;
        for (int i = 0; i < n; i++) {
          if (test(l, i, r, f) && ++count > 1) {
            return false;
          }
        }
        return count == 1;
    }
  }

  @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
    if (kind <= ONE) {
      return evalBool(r, f);
    }
    List<?> l = items(r, f);
    int n = l.size();
    limits.checkCollection(n);
    switch (name) {
      case "filter": {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (test(l, i, r, f)) {
            out.add(l.get(i));
          }
        }
        return Builtins.freeze(out);
      }
      case "map": {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          out.add(apply(l, i, r, f));
        }
        return Builtins.freeze(out);
      }
      case "count": {
        long c = 0;
        for (int i = 0; i < n; i++) {
          c += test(l, i, r, f) ? 1 : 0;
        }
        return c;
      }
      case "sum":
        return sum(l, r, f);
      case "find": case "findIndex":
        for (int i = 0; i < n; i++) {
          if (test(l, i, r, f)) {
            return name.equals("find") ? l.get(i) : (Object) (long) i;
          }
        }
        return null; // expr v1.17.8 gives nil when nothing matches, for findIndex too
      case "findLast": case "findLastIndex":
        for (int i = n - 1; i >= 0; i--) {
          if (test(l, i, r, f)) {
            return name.equals("findLast") ? l.get(i) : (Object) (long) i;
          }
        }
        return null;
      case "groupBy":
        return groupBy(l, r, f);
      case "sortBy":
        return sortBy(l, r, f);
      default:
        return reduce(l, r, f);
    }
  }

  @Override public long evalLong(@Nullable Object r, @Nullable Frame f) {
    return Values.asLong(eval(r, f));
  }

  /** expr's text for a sum that meets a non-number; it names the neighbour it tried to add. */
  private static RuntimeException sumError(List<?> l, int i, @Nullable Object v) {
    if (v instanceof String || v instanceof Boolean || v == null) {
      return Values.error("invalid operation: " + Values.typeName(v) + " + int");
    }
    if (i > 0) {
      return Values.error("invalid operation: " + Values.typeName(l.get(i - 1)) + " + " + Values.typeName(v));
    }
    return Values.error("invalid operation: " + Values.typeName(v) + " + "
        + (l.size() > 1 ? Values.typeName(l.get(1)) : "int"));
  }

  private Object sum(List<?> l, @Nullable Object r, Frame f) {
    long ints = 0;
    double floats = 0;
    boolean anyFloat = false;
    for (int i = 0; i < l.size(); i++) {
      Object v = apply(l, i, r, f);
      if (Values.isInt(v)) {
        ints += ((Number) v).longValue();
      } else if (Values.isFloat(v)) {
        anyFloat = true;
        floats += ((Number) v).doubleValue();
      } else {
        throw sumError(l, i, v);
      }
    }
    return anyFloat ? (Object) (floats + ints) : (Object) ints;
  }

  private Object groupBy(List<?> l, @Nullable Object r, Frame f) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < l.size(); i++) {
      Object key = apply(l, i, r, f);
      if (key instanceof Map || key instanceof List) {
        throw Values.error("runtime error: hash of unhashable type " + Values.typeName(key));
      }
      @SuppressWarnings("unchecked")
      List<Object> group = (List<Object>) out.computeIfAbsent(key, k -> new ArrayList<>());
      group.add(l.get(i));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private Object sortBy(List<?> l, @Nullable Object r, Frame f) {
    List<Object> keys = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      keys.add(apply(l, i, r, f));
    }
    Object order = extra.length > 0 ? extra[0].eval(r, f) : "asc";
    // Sorts positions by key (stable, n log n, charged by Builtins.sortOrder): every element is kept, also
    // elements whose key is NaN, which never equals itself.
    List<Integer> positions = Builtins.sortOrder(keys, order, f);
    List<Object> out = new ArrayList<>(l.size());
    for (int i : positions) {
      out.add(l.get(i));
    }
    return Builtins.freeze(out);
  }

  private @Nullable Object reduce(List<?> l, @Nullable Object r, Frame f) {
    int start = 0;
    Object acc;
    if (extra.length > 0) {
      acc = extra[0].eval(r, f);
    } else {
      if (l.isEmpty()) {
        throw Values.error("reduce of empty array with no initial value");
      }
      acc = l.get(0);
      start = 1;
    }
    for (int i = start; i < l.size(); i++) {
      f.acc[level] = acc;
      acc = apply(l, i, r, f);
    }
    return acc;
  }
}
