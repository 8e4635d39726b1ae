/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code all/any/none/one/count(list, # OP constant)}: the most common predicate shape, run as one loop over
 * unboxed doubles without a frame. Other element types fall back to the general comparison per element.
 */
final class FusedPredicate extends Node {
  private static final Set<String> NAMES = Set.of("all", "any", "none", "one", "count");
  private static final Set<String> OPS = Set.of("<", "<=", ">", ">=", "==", "!=");

  private static final int ALL = 0;
  private static final int ANY = 1;
  private static final int NONE = 2;
  private static final int ONE = 3;
  private static final int COUNT = 4;

  private final String name;
  private final int kind;
  private final Node list;
  private final int op;
  private final String opText;
  private final Object boxed;
  private final double constant;

  private FusedPredicate(String name, Node list, String opText, Object boxed) {
    this.name = name;
    this.kind = List.of("all", "any", "none", "one", "count").indexOf(name);
    this.list = list;
    this.op = CompareNodes.code(opText);
    this.opText = opText;
    this.boxed = boxed;
    this.constant = ((Number) boxed).doubleValue();
  }

  /** The fused node when the call has the shape {@code f(list, # OP number)}, else null. */
  static @Nullable Node tryPlan(Expr.Call c, Planner planner) {
    if (!NAMES.contains(c.name()) || c.args().size() != 2 || !(c.args().get(1) instanceof Expr.Closure)) {
      return null;
    }
    Expr body = ((Expr.Closure) c.args().get(1)).body();
    if (!(body instanceof Expr.Binary)) {
      return null;
    }
    Expr.Binary b = (Expr.Binary) body;
    if (!OPS.contains(b.op()) || !(b.left() instanceof Expr.Pointer) || !((Expr.Pointer) b.left()).name().isEmpty()
        || !(b.right() instanceof Expr.Literal) || !(((Expr.Literal) b.right()).value() instanceof Number)) {
      return null;
    }
    return new FusedPredicate(c.name(), planner.plan(c.args().get(0)), b.op(), ((Expr.Literal) b.right()).value());
  }

  private boolean test(@Nullable Object e) {
    if (e instanceof Double) {
      return CompareNodes.test(op, (Double) e, constant);
    }
    if (op == CompareNodes.EQ) {
      return Values.equal(e, boxed);
    } else if (op == CompareNodes.NE) {
      return !Values.equal(e, boxed);
    }
    return Values.compare(opText, e, boxed);
  }

  private List<?> items(@Nullable Object r, @Nullable Frame f) {
    Object v = list.eval(r, f);
    if (v instanceof List) {
      return (List<?>) v;
    }
    throw Values.error("cannot iterate " + Values.typeName(v) + " with " + name);
  }

  private long count(List<?> l, int stopAfter) {
    long n = 0;
    for (int i = 0, size = l.size(); i < size; i++) {
      if (test(l.get(i)) && ++n >= stopAfter) {
        return n;
      }
    }
    return n;
  }

  @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
    List<?> l = items(r, f);
    switch (kind) {
      case ALL:
        for (int i = 0, size = l.size(); i < size; i++) {
          if (!test(l.get(i))) {
            return false;
          }
        }
        return true;
      case ANY:
        return count(l, 1) > 0;
      case NONE:
        return count(l, 1) == 0;
      case ONE:
        return count(l, 2) == 1;
      default:
        return Values.asBool(eval(r, f));
    }
  }

  @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
    if (kind == COUNT) {
      return count(items(r, f), Integer.MAX_VALUE);
    }
    return evalBool(r, f);
  }
}
