/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.function.Function;

/** Static typing of binary operators, following expr-lang's checker. */
final class Operators {
  private Operators() {}

  static Type binary(String op, Type l, Type r, Function<String, Type> issue) {
    String mismatch = "invalid operation: " + op + " (mismatched types " + l + " and " + r + ")";
    boolean unknown = l.isUnknown() || r.isUnknown();
    switch (op) {
      case "==": case "!=":
        if (unknown || l.kind() == Type.Kind.NIL || r.kind() == Type.Kind.NIL || (l.isNumber() && r.isNumber())
            || l.equals(r) || (l.kind() == r.kind() && l.kind() != Type.Kind.UNKNOWN && l.kind() != Type.Kind.MAP)) {
          return Type.BOOL;
        }
        return issue.apply(mismatch);
      case "<": case ">": case "<=": case ">=":
        if ((l.isNumber() || l.isUnknown()) && (r.isNumber() || r.isUnknown())) {
          return Type.BOOL;
        }
        for (Type.Kind k : new Type.Kind[] {Type.Kind.STRING, Type.Kind.TIME, Type.Kind.DURATION}) {
          if (l.is(k) && r.is(k)) {
            return Type.BOOL;
          }
        }
        return issue.apply(mismatch);
      case "&&": case "||": case "and": case "or":
        return l.is(Type.Kind.BOOL) && r.is(Type.Kind.BOOL) ? Type.BOOL : issue.apply(mismatch);
      case "in":
        if (r.kind() == Type.Kind.ARRAY && !comparable(l, r.elem())) {
          return issue.apply("cannot use " + l + " as type " + r.elem() + " in array");
        }
        if (r.kind() == Type.Kind.MAP && !l.is(Type.Kind.STRING, Type.Kind.NIL)) {
          return issue.apply("cannot use " + l + " as type string in map key");
        }
        if (r.is(Type.Kind.ARRAY) || (r.kind() == Type.Kind.MAP && l.is(Type.Kind.STRING, Type.Kind.NIL))) {
          return Type.BOOL;
        }
        return issue.apply(mismatch);
      case "matches": case "contains": case "startsWith": case "endsWith":
        return l.is(Type.Kind.STRING) && r.is(Type.Kind.STRING) ? Type.BOOL : issue.apply(mismatch);
      case "..":
        return l.is(Type.Kind.INT) && r.is(Type.Kind.INT) ? Type.arrayOf(Type.INT) : issue.apply(mismatch);
      case "??":
        return l.kind() == Type.Kind.NIL ? r : l.equals(r) || l.isUnknown() ? l : Type.UNKNOWN;
      default:
        return arithmetic(op, l, r, unknown, mismatch, issue);
    }
  }

  /** Whether a value of type {@code l} may be looked up among elements of type {@code e}. */
  private static boolean comparable(Type l, Type e) {
    return l.isUnknown() || e.isUnknown() || l.kind() == Type.Kind.NIL || e.kind() == Type.Kind.NIL
        || (l.isNumber() && e.isNumber()) || l.equals(e);
  }

  private static Type arithmetic(String op, Type l, Type r, boolean unknown, String mismatch,
      Function<String, Type> issue) {
    boolean ints = l.kind() == Type.Kind.INT && r.kind() == Type.Kind.INT;
    boolean numbers = l.isNumber() && r.isNumber();
    switch (op) {
      case "+":
        if (ints) {
          return Type.INT;
        } else if (numbers) {
          return Type.FLOAT;
        } else if (l.kind() == Type.Kind.STRING && r.kind() == Type.Kind.STRING) {
          return Type.STRING;
        } else if (l.kind() == Type.Kind.TIME && r.kind() == Type.Kind.DURATION
            || l.kind() == Type.Kind.DURATION && r.kind() == Type.Kind.TIME) {
          return Type.TIME;
        } else if (l.kind() == Type.Kind.DURATION && r.kind() == Type.Kind.DURATION) {
          return Type.DURATION;
        }
        break;
      case "-":
        if (ints) {
          return Type.INT;
        } else if (numbers) {
          return Type.FLOAT;
        } else if (l.kind() == Type.Kind.TIME && r.kind() == Type.Kind.TIME) {
          return Type.DURATION;
        } else if (l.kind() == Type.Kind.TIME && r.kind() == Type.Kind.DURATION) {
          return Type.TIME;
        } else if (l.kind() == Type.Kind.DURATION && r.kind() == Type.Kind.DURATION) {
          return Type.DURATION;
        }
        break;
      case "*":
        if (ints) {
          return Type.INT;
        } else if (numbers) {
          return Type.FLOAT;
        }
        break;
      case "/": case "**": case "^":
        if (numbers || (unknown && l.is(Type.Kind.INT, Type.Kind.FLOAT) && r.is(Type.Kind.INT, Type.Kind.FLOAT))) {
          return Type.FLOAT; // always float64 in expr, whatever the operands
        }
        break;
      case "%":
        if (ints) {
          return Type.INT;
        }
        if (unknown && l.is(Type.Kind.INT) && r.is(Type.Kind.INT)) {
          return Type.UNKNOWN;
        }
        return issue.apply(mismatch);
      default:
        return issue.apply("unknown operator " + op);
    }
    if (unknown && l.is(Type.Kind.INT, Type.Kind.FLOAT, Type.Kind.STRING, Type.Kind.TIME, Type.Kind.DURATION)
        && r.is(Type.Kind.INT, Type.Kind.FLOAT, Type.Kind.STRING, Type.Kind.TIME, Type.Kind.DURATION)) {
      return Type.UNKNOWN;
    }
    return issue.apply(mismatch);
  }
}
