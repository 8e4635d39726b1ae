/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionLimits;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Function calls: generic built-ins and Argo's own functions. */
final class CallNodes {
  private CallNodes() {}

  /** A built-in from {@link Builtins}: arguments are evaluated left to right, then the body runs. */
  static final class Builtin extends Node {
    private final Builtins.Fn fn;
    private final Node[] args;
    private final ExpressionLimits limits;

    Builtin(Builtins.Fn fn, Node[] args, ExpressionLimits limits) {
      this.fn = fn;
      this.args = args.clone();
      this.limits = limits;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object[] values = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        values[i] = args[i].eval(r, f);
      }
      Object out = fn.apply(values, f, limits);
      // Charge what the built-in produced, so repeated large results exhaust the step budget, not the heap.
      if (out instanceof String) {
        f.steps(((String) out).length());
      } else if (out instanceof List) {
        f.steps(((List<?>) out).size());
      }
      return out;
    }
  }

  /** {@code len(x)}, kept separate because guards like {@code len(result) > 0} are common. */
  static final class Len extends Node {
    private final Node arg;

    Len(Node arg) {
      this.arg = arg;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalLong(r, f);
    }

    @Override public long evalLong(@Nullable Object r, @Nullable Frame f) {
      Object v = arg.eval(r, f);
      return v instanceof List ? ((List<?>) v).size() : Builtins.len(v);
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      return evalLong(r, f);
    }
  }

  /** {@code isNaN(f)} and {@code isInf(f)} on a float64 argument. */
  static final class FloatTest extends Node {
    private final Node arg;
    private final boolean nan;

    private final String intName;

    FloatTest(Node arg, boolean nan) {
      this(arg, nan, "int");
    }

    /** {@code intName} is Go's name of an integer argument's static type, for the message ({@code int64}). */
    FloatTest(Node arg, boolean nan, String intName) {
      this.arg = arg;
      this.nan = nan;
      this.intName = intName;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      Object v = arg.eval(r, f);
      if (!(v instanceof Double) && !(v instanceof Float)) {
        throw Values.error("interface conversion: interface {} is "
            + (Values.isInt(v) ? intName : Values.typeNameOrNil(v)) + ", not float64");
      }
      double d = ((Number) v).doubleValue();
      return nan ? Double.isNaN(d) : Double.isInfinite(d);
    }
  }

  /**
   * Argo's {@code isNil(x)} and {@code default(x, d)}: both evaluate {@code x} and then ignore it, looking at the
   * whole {@code result} instead (Argo's behaviour, reproduced on purpose).
   */
  static final class WholeResult extends Node {
    private final Node ignored;
    private final @Nullable Node fallback;

    WholeResult(Node ignored, @Nullable Node fallback) {
      this.ignored = ignored;
      this.fallback = fallback;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      ignored.eval(r, f);
      if (fallback == null) {
        return r == null;
      }
      Object d = fallback.eval(r, f);
      return r == null ? d : r;
    }
  }

  /** Argo's {@code asInt(x)} and {@code asFloat(x)}. */
  static final class Convert extends Node {
    private final Node arg;
    private final boolean toInt;

    Convert(Node arg, boolean toInt) {
      this.arg = arg;
      this.toInt = toInt;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      Object v = arg.eval(r, f);
      if (Values.isInt(v)) {
        long l = ((Number) v).longValue();
        return toInt ? (Object) l : (Object) (double) l;
      } else if (Values.isFloat(v)) {
        double d = ((Number) v).doubleValue();
        return toInt ? (Object) truncate(d) : (Object) d;
      } else if (v instanceof String) {
        return toInt ? (Object) GoNumbers.parseInt((String) v) : (Object) GoNumbers.parseFloat((String) v);
      }
      throw Values.error((toInt ? "asInt" : "asFloat") + "() not supported on " + Values.typeName(v) + " "
          + Values.format(v));
    }

    /** Go's int64(float64): truncation; NaN and out-of-range values give math.MinInt64 on amd64. */
    private static long truncate(double d) {
      if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
        return Long.MIN_VALUE;
      }
      return (long) d;
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      return ((Number) eval(r, f)).doubleValue();
    }
  }

  /** {@code obj.Name(args)} on a duration or a time. */
  static final class Method extends Node {
    private final Node object;
    private final String name;
    private final Node[] args;

    Method(Node object, String name, Node[] args) {
      this.object = object;
      this.name = name;
      this.args = args.clone();
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object o = object.eval(r, f);
      Object[] values = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        values[i] = args[i].eval(r, f);
      }
      return Methods.invoke(o, name, values);
    }
  }
}
