/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import com.google.re2j.Pattern;
import dev.assay.expr.ExpressionLimits;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a checked syntax tree into evaluation nodes, choosing unboxed nodes where the checker knows the types. */
final class Planner {
  private final Map<Expr, Type> types;
  private final ExpressionLimits limits;
  private int level = -1;
  int maxLevels;
  int localSlots;
  private final java.util.Deque<Map.Entry<String, Integer>> locals = new java.util.ArrayDeque<>();
  boolean needsFrame;

  Planner(Map<Expr, Type> types, ExpressionLimits limits) {
    this.types = types;
    this.limits = limits;
  }

  private Type type(Expr e) {
    return types.getOrDefault(e, Type.UNKNOWN);
  }

  Node plan(Expr e) {
    if (e instanceof Expr.Literal) {
      return new BasicNodes.Const(((Expr.Literal) e).value());
    } else if (e instanceof Expr.Ident) {
      String name = ((Expr.Ident) e).name();
      for (Map.Entry<String, Integer> local : locals) {
        if (local.getKey().equals(name)) {
          needsFrame = true;
          return new BasicNodes.LocalRef(local.getValue());
        }
      }
      return name.equals("$env") ? new BasicNodes.EnvRef() : new BasicNodes.ResultRef();
    } else if (e instanceof Expr.Let) {
      Expr.Let let = (Expr.Let) e;
      needsFrame = true;
      Node value = plan(let.value());
      int slot = localSlots++;
      locals.push(Map.entry(let.name(), slot));
      try {
        return new BasicNodes.Let(slot, value, plan(let.body()));
      } finally {
        locals.pop();
      }
    } else if (e instanceof Expr.Sequence) {
      return new BasicNodes.Sequence(all(((Expr.Sequence) e).items()));
    } else if (e instanceof Expr.MethodCall) {
      Expr.MethodCall m = (Expr.MethodCall) e;
      return new CallNodes.Method(plan(m.object()), m.name(), all(m.args()));
    } else if (e instanceof Expr.Pointer) {
      return new BasicNodes.PointerRef(level, ((Expr.Pointer) e).name());
    } else if (e instanceof Expr.Unary) {
      Expr.Unary u = (Expr.Unary) e;
      Node operand = plan(u.operand());
      if (u.op().equals("!") || u.op().equals("not")) {
        return new BasicNodes.Not(operand);
      }
      return u.op().equals("-") ? new ArithNodes.Negate(operand) : operand;
    } else if (e instanceof Expr.Binary) {
      return binary((Expr.Binary) e);
    } else if (e instanceof Expr.Ternary) {
      Expr.Ternary t = (Expr.Ternary) e;
      return new BasicNodes.Ternary(plan(t.cond()), plan(t.then()), plan(t.otherwise()));
    } else if (e instanceof Expr.Member) {
      Expr.Member m = (Expr.Member) e;
      if (m.object() instanceof Expr.Ident && ((Expr.Ident) m.object()).name().equals("$env")
          && m.name().equals("result") && !isLocal("$env")) {
        return new BasicNodes.ResultRef();
      }
      return new AccessNodes.Member(plan(m.object()), m.name(), m.nilSafe());
    } else if (e instanceof Expr.Index) {
      Expr.Index ix = (Expr.Index) e;
      if (type(ix.object()).kind() == Type.Kind.ARRAY && ix.index() instanceof Expr.Literal
          && ((Expr.Literal) ix.index()).value() instanceof Long && !ix.nilSafe()) {
        return new AccessNodes.ConstIndex(plan(ix.object()), (Long) ((Expr.Literal) ix.index()).value());
      }
      return new AccessNodes.Index(plan(ix.object()), plan(ix.index()), ix.nilSafe());
    } else if (e instanceof Expr.Slice) {
      Expr.Slice s = (Expr.Slice) e;
      return new AccessNodes.Slice(plan(s.object()), s.from() == null ? null : plan(s.from()),
          s.to() == null ? null : plan(s.to()));
    } else if (e instanceof Expr.Call) {
      return call((Expr.Call) e);
    } else if (e instanceof Expr.Closure) {
      return plan(((Expr.Closure) e).body());
    } else if (e instanceof Expr.ArrayLit) {
      return new BasicNodes.ArrayLit(all(((Expr.ArrayLit) e).items()));
    }
    Expr.MapLit m = (Expr.MapLit) e;
    return new BasicNodes.MapLit(all(m.keys()), all(m.values()), limits);
  }

  /** findIndex and findLastIndex are typed int but give nil when nothing matches (expr v1.17.8). */
  private static boolean mayBeNil(Expr e) {
    return e instanceof Expr.Call && Set.of("findIndex", "findLastIndex", "find", "findLast", "first", "last",
        "get", "max", "min").contains(((Expr.Call) e).name());
  }

  private boolean isLocal(String name) {
    return locals.stream().anyMatch(l -> l.getKey().equals(name));
  }

  private Node[] all(List<Expr> es) {
    Node[] out = new Node[es.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = plan(es.get(i));
    }
    return out;
  }

  private Node binary(Expr.Binary b) {
    Node l = plan(b.left());
    Node r = plan(b.right());
    Type lt = type(b.left());
    Type rt = type(b.right());
    switch (b.op()) {
      case "&&": case "and":
        List<CompareNodes.DynamicNumericConst> left = CompareNodes.FieldChain.links(l);
        List<CompareNodes.DynamicNumericConst> right = CompareNodes.FieldChain.links(r);
        if (left != null && right != null) {
          List<CompareNodes.DynamicNumericConst> all = new java.util.ArrayList<>(left);
          all.addAll(right);
          return new CompareNodes.FieldChain(all);
        }
        return new BasicNodes.And(l, r);
      case "||": case "or":
        return new BasicNodes.Or(l, r);
      case "==": case "!=": case "<": case ">": case "<=": case ">=":
        int op = CompareNodes.code(b.op());
        if (mayBeNil(b.left()) || mayBeNil(b.right())) {
          return new CompareNodes.Dynamic(b.op(), l, r);
        }
        if (lt.kind() == Type.Kind.INT && rt.kind() == Type.Kind.INT) {
          return new CompareNodes.Integral(op, l, r);
        }
        if (lt.isNumber() && rt.isNumber()) {
          if (b.right() instanceof Expr.Literal) {
            return CompareNodes.NumericConst.of(op, l, ((Number) ((Expr.Literal) b.right()).value()).doubleValue());
          }
          return new CompareNodes.Numeric(op, l, r);
        }
        if (b.right() instanceof Expr.Literal && ((Expr.Literal) b.right()).value() instanceof Number) {
          return new CompareNodes.DynamicNumericConst(b.op(), l, ((Expr.Literal) b.right()).value());
        }
        return new CompareNodes.Dynamic(b.op(), l, r);
      case "in":
        return new CompareNodes.In(l, r, b.negate());
      case "contains": case "startsWith": case "endsWith":
        return new CompareNodes.StringTest(b.op(), l, r, b.negate());
      case "matches":
        needsFrame = true;
        Pattern constant = b.right() instanceof Expr.Literal && ((Expr.Literal) b.right()).value() instanceof String
            ? ArithNodes.Matches.compile((String) ((Expr.Literal) b.right()).value()) : null;
        return new ArithNodes.Matches(l, r, constant, b.negate());
      case "..":
        needsFrame = true;
        return new ArithNodes.Range(l, r, limits);
      case "??":
        return new BasicNodes.Coalesce(l, r);
      default:
        boolean floatTyped = lt.isNumber() && rt.isNumber() && !b.op().equals("%")
            && (lt.kind() == Type.Kind.FLOAT || rt.kind() == Type.Kind.FLOAT || b.op().equals("/")
            || b.op().equals("**") || b.op().equals("^"));
        if (!lt.isNumber() || !rt.isNumber()) {
          needsFrame = true; // string concatenation is charged to the step budget
        }
        return new ArithNodes.Arith(b.op(), l, r, floatTyped, limits);
    }
  }

  private Node call(Expr.Call c) {
    String name = c.name();
    Node fused = FusedPredicate.tryPlan(c, this);
    if (fused != null) {
      return fused;
    }
    if (Parser.PREDICATE_FUNCTIONS.contains(name)) {
      needsFrame = true;
      Node list = plan(c.args().get(0));
      level++;
      maxLevels = Math.max(maxLevels, level + 1);
      Node body = c.args().size() > 1 ? plan(c.args().get(1)) : null;
      int myLevel = level;
      level--;
      Node[] extra = all(c.args().subList(Math.min(2, c.args().size()), c.args().size()));
      return new PredicateNode(name, list, body, extra, myLevel, limits);
    }
    Node[] args = all(c.args());
    switch (name) {
      case "len":
        return new CallNodes.Len(args[0]);
      case "isNaN": case "isInf":
        Type argType = type(c.args().get(0));
        if (argType.equals(Type.INT64)) {
          return new CallNodes.FloatTest(args[0], name.equals("isNaN"), "int64");
        }
        if (Checker.isIntLiteral(c.args().get(0))) {
          args[0] = new BasicNodes.Const(((Number) args[0].eval(null, null)).doubleValue());
        }
        return new CallNodes.FloatTest(args[0], name.equals("isNaN"));
      case "isNil":
        return new CallNodes.WholeResult(args[0], null);
      case "default":
        return new CallNodes.WholeResult(args[0], args[1]);
      case "asInt": case "asFloat":
        return new CallNodes.Convert(args[0], name.equals("asInt"));
      default:
        needsFrame = true;
        return new CallNodes.Builtin(Builtins.FUNCTIONS.get(name), args, limits);
    }
  }
}
