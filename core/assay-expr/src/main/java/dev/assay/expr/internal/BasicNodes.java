/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Literals, names, logic, ternary, {@code ??} and collection literals. */
final class BasicNodes {
  private BasicNodes() {}

  static final class Const extends Node {
    private final @Nullable Object value;

    Const(@Nullable Object value) {
      this.value = value;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      return value;
    }
  }

  /** {@code result}; typed float when the checker knows it is a float64. */
  static final class ResultRef extends Node {
    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      return r;
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      return r instanceof Double ? (Double) r : Values.asDouble(r);
    }
  }

  /** {@code #}, {@code #index} or {@code #acc} of the predicate at {@code level}. */
  static final class PointerRef extends Node {
    private final int level;
    private final String name;

    PointerRef(int level, String name) {
      this.level = level;
      this.name = name;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      if (name.equals("index")) {
        return f.index[level];
      }
      return name.equals("acc") ? f.acc[level] : f.elem[level];
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      Object v = name.isEmpty() ? f.elem[level] : eval(r, f);
      return v instanceof Double ? (Double) v : Values.asDouble(v);
    }
  }

  static final class Not extends Node {
    private final Node operand;

    Not(Node operand) {
      this.operand = operand;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return !operand.evalBool(r, f);
    }
  }

  static final class And extends Node {
    private final Node left;
    private final Node right;

    And(Node left, Node right) {
      this.left = left;
      this.right = right;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left.evalBool(r, f) && right.evalBool(r, f);
    }
  }

  static final class Or extends Node {
    private final Node left;
    private final Node right;

    Or(Node left, Node right) {
      this.left = left;
      this.right = right;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left.evalBool(r, f) || right.evalBool(r, f);
    }
  }

  static final class Ternary extends Node {
    private final Node cond;
    private final Node then;
    private final Node otherwise;

    Ternary(Node cond, Node then, Node otherwise) {
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      return cond.evalBool(r, f) ? then.eval(r, f) : otherwise.eval(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return cond.evalBool(r, f) ? then.evalBool(r, f) : otherwise.evalBool(r, f);
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      return cond.evalBool(r, f) ? then.evalDouble(r, f) : otherwise.evalDouble(r, f);
    }
  }

  /** A {@code let} variable. */
  static final class LocalRef extends Node {
    private final int slot;

    LocalRef(int slot) {
      this.slot = slot;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      return f.locals[slot];
    }
  }

  /** {@code let name = value; body}. */
  static final class Let extends Node {
    private final int slot;
    private final Node value;
    private final Node body;

    Let(int slot, Node value, Node body) {
      this.slot = slot;
      this.value = value;
      this.body = body;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      f.locals[slot] = value.eval(r, f);
      return body.eval(r, f);
    }
  }

  /** {@code a; b}: every item in order, the last one's value. */
  static final class Sequence extends Node {
    private final Node[] items;

    Sequence(Node[] items) {
      this.items = items.clone();
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object last = null;
      for (Node n : items) {
        last = n.eval(r, f);
      }
      return last;
    }
  }

  /** {@code $env}: the environment as a map (the functions are not values here). */
  static final class EnvRef extends Node {
    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      Map<String, Object> env = new LinkedHashMap<>();
      env.put("result", r);
      return Collections.unmodifiableMap(env);
    }
  }

  /** {@code a ?? b}: b when a is nil. */
  static final class Coalesce extends Node {
    private final Node left;
    private final Node right;

    Coalesce(Node left, Node right) {
      this.left = left;
      this.right = right;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object v = left.eval(r, f);
      return v != null ? v : right.eval(r, f);
    }
  }

  static final class ArrayLit extends Node {
    private final Node[] items;

    ArrayLit(Node[] items) {
      this.items = items.clone();
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      List<Object> out = new ArrayList<>(items.length);
      for (Node n : items) {
        out.add(n.eval(r, f));
      }
      return Collections.unmodifiableList(out);
    }
  }

  static final class MapLit extends Node {
    private final Node[] keys;
    private final Node[] values;
    private final ExpressionLimits limits;

    MapLit(Node[] keys, Node[] values, ExpressionLimits limits) {
      this.keys = keys.clone();
      this.values = values.clone();
      this.limits = limits;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      limits.checkCollection(keys.length);
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        out.put(Values.format(keys[i].eval(r, f)), values[i].eval(r, f));
      }
      return Collections.unmodifiableMap(out);
    }
  }
}
