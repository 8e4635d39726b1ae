/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Comparison, equality, membership and string-predicate operators. */
final class CompareNodes {
  static final int LT = 0;
  static final int LE = 1;
  static final int GT = 2;
  static final int GE = 3;
  static final int EQ = 4;
  static final int NE = 5;

  private CompareNodes() {}

  static int code(String op) {
    switch (op) {
      case "<": return LT;
      case "<=": return LE;
      case ">": return GT;
      case ">=": return GE;
      case "==": return EQ;
      default: return NE;
    }
  }

  static boolean test(int op, double x, double y) {
    switch (op) {
      case LT: return x < y;
      case LE: return x <= y;
      case GT: return x > y;
      case GE: return x >= y;
      case EQ: return x == y;
      default: return x != y;
    }
  }

  /** Both sides statically numbers: compared as unboxed doubles. */
  static final class Numeric extends Node {
    private final int op;
    private final Node left;
    private final Node right;

    Numeric(int op, Node left, Node right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return test(op, left.evalDouble(r, f), right.evalDouble(r, f));
    }
  }

  /**
   * A statically numeric left side against a numeric constant: the hottest shape ({@code result < 0.05}). One
   * small class per operator keeps the evaluation a single unboxed comparison after inlining.
   */
  abstract static class NumericConst extends Node {
    private final Node left;
    private final boolean leftIsResult;
    final double constant;

    NumericConst(Node left, double constant) {
      this.left = left;
      this.leftIsResult = left instanceof BasicNodes.ResultRef;
      this.constant = constant;
    }

    static NumericConst of(int op, Node left, double constant) {
      switch (op) {
        case LT: return new Lt(left, constant);
        case LE: return new Le(left, constant);
        case GT: return new Gt(left, constant);
        case GE: return new Ge(left, constant);
        case EQ: return new Eq(left, constant);
        default: return new Ne(left, constant);
      }
    }

    final double left(@Nullable Object r, @Nullable Frame f) {
      return leftIsResult && r instanceof Double ? (Double) r : left.evalDouble(r, f);
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }
  }

  static final class Lt extends NumericConst {
    Lt(Node left, double constant) {
      super(left, constant);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left(r, f) < constant;
    }
  }

  static final class Le extends NumericConst {
    Le(Node left, double constant) {
      super(left, constant);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left(r, f) <= constant;
    }
  }

  static final class Gt extends NumericConst {
    Gt(Node left, double constant) {
      super(left, constant);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left(r, f) > constant;
    }
  }

  static final class Ge extends NumericConst {
    Ge(Node left, double constant) {
      super(left, constant);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left(r, f) >= constant;
    }
  }

  static final class Eq extends NumericConst {
    Eq(Node left, double constant) {
      super(left, constant);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left(r, f) == constant;
    }
  }

  static final class Ne extends NumericConst {
    Ne(Node left, double constant) {
      super(left, constant);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      return left(r, f) != constant;
    }
  }

  /** An untyped left side (a map value, a list element) against a numeric constant. */
  static final class DynamicNumericConst extends Node {
    private final int op;
    private final String opText;
    private final Node left;
    private final Object boxed;
    private final double constant;
    private final @Nullable String resultField;

    DynamicNumericConst(String opText, Node left, Object boxed) {
      this.op = code(opText);
      this.opText = opText;
      this.left = left;
      this.boxed = boxed;
      this.constant = ((Number) boxed).doubleValue();
      this.resultField = left instanceof AccessNodes.Member ? ((AccessNodes.Member) left).resultField() : null;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      // result.field OP number is the common web-provider shape: read the map directly.
      Object a = resultField != null && r instanceof Map ? ((Map<?, ?>) r).get(resultField) : left.eval(r, f);
      if (a instanceof Double) {
        return test(op, (Double) a, constant);
      }
      if (op == EQ) {
        return Values.equal(a, boxed);
      } else if (op == NE) {
        return !Values.equal(a, boxed);
      }
      return Values.compare(opText, a, boxed);
    }
  }

  /**
   * {@code result.k1 OP n1 && result.k2 OP n2 && ...}: the usual web-provider condition, fused into one loop over
   * the map. Values other than doubles take each comparison's general path.
   */
  static final class FieldChain extends Node {
    private final DynamicNumericConst[] parts;
    private final String[] keys;
    private final int[] ops;
    private final double[] constants;

    FieldChain(List<DynamicNumericConst> parts) {
      this.parts = parts.toArray(new DynamicNumericConst[0]);
      this.keys = new String[this.parts.length];
      this.ops = new int[this.parts.length];
      this.constants = new double[this.parts.length];
      for (int i = 0; i < this.parts.length; i++) {
        keys[i] = this.parts[i].resultField;
        ops[i] = this.parts[i].op;
        constants[i] = this.parts[i].constant;
      }
    }

    /** The comparisons of a node that can join a chain, or null. */
    static @Nullable List<DynamicNumericConst> links(Node n) {
      if (n instanceof FieldChain) {
        return List.of(((FieldChain) n).parts);
      }
      if (n instanceof DynamicNumericConst && ((DynamicNumericConst) n).resultField != null) {
        return List.of((DynamicNumericConst) n);
      }
      return null;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      if (!(r instanceof Map)) {
        for (DynamicNumericConst p : parts) {
          if (!p.evalBool(r, f)) {
            return false;
          }
        }
        return true;
      }
      Map<?, ?> m = (Map<?, ?>) r;
      for (int i = 0; i < keys.length; i++) {
        Object a = m.get(keys[i]);
        boolean ok = a instanceof Double ? test(ops[i], (Double) a, constants[i]) : parts[i].evalBool(r, f);
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }

  /** Two ints compared exactly as longs. */
  static final class Integral extends Node {
    private final int op;
    private final Node left;
    private final Node right;

    Integral(int op, Node left, Node right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      int c = Long.compare(left.evalLong(r, f), right.evalLong(r, f));
      return test(op, c, 0);
    }
  }

  /** Any types: dispatch on the runtime values, with a fast path for doubles. */
  static final class Dynamic extends Node {
    private final int op;
    private final String opText;
    private final Node left;
    private final Node right;

    Dynamic(String opText, Node left, Node right) {
      this.op = code(opText);
      this.opText = opText;
      this.left = left;
      this.right = right;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      Object a = left.eval(r, f);
      Object b = right.eval(r, f);
      if (a instanceof Double && b instanceof Double) {
        return test(op, (Double) a, (Double) b);
      }
      if (op == EQ) {
        return Values.equal(a, b);
      } else if (op == NE) {
        return !Values.equal(a, b);
      }
      return Values.compare(opText, a, b);
    }
  }

  /** {@code in} and {@code not in}. */
  static final class In extends Node {
    private final Node left;
    private final Node right;
    private final boolean negate;

    In(Node left, Node right, boolean negate) {
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      Object needle = left.eval(r, f);
      Object hay = right.eval(r, f);
      boolean found;
      if (hay instanceof List) {
        found = false;
        for (Object o : (List<?>) hay) {
          if (Values.equal(needle, o)) {
            found = true;
            break;
          }
        }
      } else if (hay instanceof Map) {
        if (needle != null && !(needle instanceof String)) {
          throw Values.error("reflect.Value.MapIndex: value of type " + Values.typeName(needle)
              + " is not assignable to type string");
        }
        found = ((Map<?, ?>) hay).containsKey(needle);
      } else if (hay == null) {
        found = false;
      } else {
        throw Values.error("operator \"in\" not defined on " + Values.typeName(hay));
      }
      return found != negate;
    }
  }

  /** {@code contains}, {@code startsWith}, {@code endsWith}, optionally negated. */
  static final class StringTest extends Node {
    private final String op;
    private final Node left;
    private final Node right;
    private final boolean negate;

    StringTest(String op, Node left, Node right, boolean negate) {
      this.op = op;
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      return evalBool(r, f);
    }

    @Override public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
      Object a = left.eval(r, f);
      Object b = right.eval(r, f);
      if (a == null || b == null) {
        return negate; // expr v1.17.8: a nil operand makes the test false
      }
      if (!(a instanceof String) || !(b instanceof String)) {
        throw Values.error("invalid operation: " + Values.typeName(a) + " " + op + " " + Values.typeName(b));
      }
      String s = (String) a;
      String t = (String) b;
      boolean v = op.equals("contains") ? TextSearch.indexOf(s, t) >= 0 : op.equals("startsWith") ? s.startsWith(t) : s.endsWith(t);
      return v != negate;
    }
  }
}
