/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import com.google.re2j.Pattern;
import dev.assay.expr.ExpressionLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Arithmetic, unary minus, ranges and {@code matches}. */
final class ArithNodes {
  private ArithNodes() {}

  /** A binary arithmetic operator; {@code + - * / % ** ^}. */
  static final class Arith extends Node {
    private final String op;
    private final Node left;
    private final Node right;
    private final boolean floatTyped;
    private final ExpressionLimits limits;

    Arith(String op, Node left, Node right, boolean floatTyped, ExpressionLimits limits) {
      this.op = op;
      this.left = left;
      this.right = right;
      this.floatTyped = floatTyped;
      this.limits = limits;
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      if (floatTyped) {
        return doubles(left.evalDouble(r, f), right.evalDouble(r, f));
      }
      return Values.asDouble(eval(r, f));
    }

    private double doubles(double a, double b) {
      switch (op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "/": return a / b;
        default: return Math.pow(a, b);
      }
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      if (floatTyped) {
        return evalDouble(r, f);
      }
      Object a = left.eval(r, f);
      Object b = right.eval(r, f);
      if (Values.isInt(a) && Values.isInt(b)) {
        return longs(((Number) a).longValue(), ((Number) b).longValue());
      }
      if (Values.isNumber(a) && Values.isNumber(b) && !op.equals("%")) {
        return doubles(((Number) a).doubleValue(), ((Number) b).doubleValue());
      }
      if (op.equals("+") && a instanceof String && b instanceof String) {
        long length = (long) ((String) a).length() + ((String) b).length();
        limits.checkString(length);
        if (f != null) {
          f.steps(length);
        }
        return (String) a + b;
      }
      Object t = times(a, b);
      if (t != null) {
        return t;
      }
      throw Values.error("invalid operation: " + Values.typeName(a) + " " + op + " " + Values.typeName(b));
    }

    private Object longs(long a, long b) {
      switch (op) {
        case "+": return a + b;
        case "-": return a - b;
        case "*": return a * b;
        case "/": return (double) a / (double) b;
        case "%":
          if (b == 0) {
            throw Values.error("runtime error: integer divide by zero");
          }
          return a % b;
        default: return Math.pow(a, b);
      }
    }

    private @Nullable Object times(@Nullable Object a, @Nullable Object b) {
      if (op.equals("+")) {
        if (a instanceof Instant && b instanceof Duration) {
          return ((Instant) a).plus((Duration) b);
        } else if (a instanceof Duration && b instanceof Instant) {
          return ((Instant) b).plus((Duration) a);
        } else if (a instanceof Duration && b instanceof Duration) {
          return ((Duration) a).plus((Duration) b);
        }
      } else if (op.equals("-")) {
        if (a instanceof Instant && b instanceof Duration) {
          return ((Instant) a).minus((Duration) b);
        } else if (a instanceof Instant && b instanceof Instant) {
          return Duration.between((Instant) b, (Instant) a);
        } else if (a instanceof Duration && b instanceof Duration) {
          return ((Duration) a).minus((Duration) b);
        }
      }
      return null;
    }
  }

  static final class Negate extends Node {
    private final Node operand;

    Negate(Node operand) {
      this.operand = operand;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object v = operand.eval(r, f);
      if (Values.isInt(v)) {
        return -((Number) v).longValue();
      } else if (Values.isFloat(v)) {
        return -((Number) v).doubleValue();
      } else if (v instanceof Duration) {
        return ((Duration) v).negated();
      }
      throw Values.error("invalid operation: - " + Values.typeName(v));
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      return -operand.evalDouble(r, f);
    }
  }

  /** {@code a..b}: the ints from a to b inclusive. */
  /** A range bound at run time: floats are truncated, as expr converts them to int. */
  static long bound(@Nullable Object v) {
    if (Values.isFloat(v)) {
      return (long) ((Number) v).doubleValue();
    } else if (Values.isInt(v)) {
      return ((Number) v).longValue();
    }
    throw Values.error("invalid operation: int(" + Values.typeName(v) + ")");
  }

  static final class Range extends Node {
    private final Node from;
    private final Node to;
    private final ExpressionLimits limits;

    Range(Node from, Node to, ExpressionLimits limits) {
      this.from = from;
      this.to = to;
      this.limits = limits;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      long a = bound(from.eval(r, f));
      long b = bound(to.eval(r, f));
      if (b < a) {
        return List.of();
      }
      long size = b - a + 1;
      if (size <= 0 || size > Integer.MAX_VALUE) {
        size = Long.MAX_VALUE;
      }
      limits.checkCollection(size);
      f.steps(size);
      return new RangeList(a, (int) size);
    }
  }

  /** {@code s matches re}; a constant pattern is compiled once, and the match is bounded by the step budget. */
  static final class Matches extends Node {
    private final Node left;
    private final Node right;
    private final @Nullable Pattern constant;
    private final boolean negate;

    Matches(Node left, Node right, @Nullable Pattern constant, boolean negate) {
      this.left = left;
      this.right = right;
      this.constant = constant;
      this.negate = negate;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      Object a = left.eval(r, f);
      Pattern p = constant;
      if (p == null) {
        Object b = right.eval(r, f);
        if (!(b instanceof String)) {
          throw Values.error("invalid operation: " + Values.typeName(a) + " matches " + Values.typeName(b));
        }
        p = compile((String) b);
      }
      if (a == null) {
        return negate; // expr v1.17.8: a nil operand does not match
      }
      if (!(a instanceof String)) {
        throw Values.error("invalid operation: " + Values.typeName(a) + " matches string");
      }
      return p.matcher(new Metered((String) a, f)).find() != negate;
    }

    static Pattern compile(String re) {
      try {
        return Pattern.compile(re);
      } catch (com.google.re2j.PatternSyntaxException ex) {
        throw Values.error(ex.getMessage()); // re2j words its errors as Go's regexp package does
      }
    }
  }

  /** A string view that charges one step per character read, so a pathological regex hits the budget. */
  private static final class Metered implements CharSequence {
    private final String s;
    private final Frame f;

    Metered(String s, Frame f) {
      this.s = s;
      this.f = f;
    }

    @Override public int length() {
      return s.length();
    }

    @Override public char charAt(int i) {
      f.steps(1);
      return s.charAt(i);
    }

    @Override public CharSequence subSequence(int start, int end) {
      return new Metered(s.substring(start, end), f);
    }

    @Override public String toString() {
      return s;
    }
  }
}
