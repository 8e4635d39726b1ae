/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionIssue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Types every node against the names in scope and collects all issues, with expr-lang's messages. Types not known
 * statically (values inside maps and {@code []interface {}}) are {@link Type#UNKNOWN} and checked at run time.
 */
final class Checker {
  static final Set<String> ARGO_FUNCTIONS = Set.of("asInt", "asFloat", "isNaN", "isInf", "isNil", "default");

  private final String src;
  private final Map<String, Type> variables;
  private final Set<String> functions;
  final Map<Expr, Type> types = new IdentityHashMap<>();
  final List<ExpressionIssue> issues = new ArrayList<>();
  private final Deque<Type> closures = new ArrayDeque<>();
  private final Deque<Map.Entry<String, Type>> locals = new ArrayDeque<>();
  private final Deque<String> closureNames = new ArrayDeque<>();

  Checker(String src, Map<String, Type> variables, Set<String> functions) {
    this.src = src;
    this.variables = variables;
    this.functions = functions;
  }

  private Type issue(Expr at, String message) {
    issues.add(ExpressionIssue.at(message, src, at.at()));
    return Type.UNKNOWN;
  }

  Type check(Expr e) {
    Type t = visit(e);
    types.put(e, t);
    return t;
  }

  private Type visit(Expr e) {
    if (e instanceof Expr.Literal) {
      Object v = ((Expr.Literal) e).value();
      return v == null ? Type.NIL_LITERAL : v instanceof Boolean ? Type.BOOL : v instanceof Long ? Type.INT
          : v instanceof Double ? Type.FLOAT : v instanceof byte[] ? Type.BYTES : Type.STRING;
    } else if (e instanceof Expr.Ident) {
      String name = ((Expr.Ident) e).name();
      for (Map.Entry<String, Type> local : locals) {
        if (local.getKey().equals(name)) {
          return local.getValue();
        }
      }
      if (name.equals("$env")) {
        return Type.ENV;
      }
      Type t = variables.get(name);
      return t != null ? t : issue(e, "unknown name " + name);
    } else if (e instanceof Expr.Let) {
      Expr.Let let = (Expr.Let) e;
      Type value = check(let.value());
      if (locals.stream().anyMatch(l -> l.getKey().equals(let.name()))) {
        return issue(let, "cannot redeclare variable " + let.name());
      }
      locals.push(Map.entry(let.name(), value));
      try {
        return check(let.body());
      } finally {
        locals.pop();
      }
    } else if (e instanceof Expr.Sequence) {
      Type last = Type.UNKNOWN;
      for (Expr item : ((Expr.Sequence) e).items()) {
        last = check(item);
      }
      return last;
    } else if (e instanceof Expr.MethodCall) {
      return method((Expr.MethodCall) e);
    } else if (e instanceof Expr.Pointer) {
      if (closures.isEmpty()) {
        return issue(e, "cannot use pointer accessor outside predicate");
      }
      String n = ((Expr.Pointer) e).name();
      String fn = closureNames.peek();
      // expr v1.17.8 has #index only in map and reduce, #acc only in reduce
      boolean known = n.equals("index") ? fn.equals("map") || fn.equals("reduce") : n.equals("acc")
          && fn.equals("reduce");
      return n.isEmpty() ? closures.peek() : known ? (n.equals("index") ? Type.INT : Type.UNKNOWN)
          : issue(e, "unknown pointer #" + n);
    } else if (e instanceof Expr.Unary) {
      return unary((Expr.Unary) e);
    } else if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      return Operators.binary(b.op(), check(b.left()), check(b.right()), msg -> issue(b, msg));
    } else if (e instanceof Expr.Ternary) {
      Expr.Ternary t = (Expr.Ternary) e;
      Type c = check(t.cond());
      if (!c.is(Type.Kind.BOOL)) {
        issue(t.cond(), "non-bool expression (type " + c + ") used as condition");
      }
      Type a = check(t.then());
      Type b = check(t.otherwise());
      return a.equals(b) ? a : Type.UNKNOWN;
    } else if (e instanceof Expr.Member) {
      Expr.Member m = (Expr.Member) e;
      Type o = check(m.object());
      if (o == Type.ENV) {
        Type t = variables.get(m.name());
        return t != null ? t : functions.contains(m.name()) ? Type.UNKNOWN : issue(m, "unknown name " + m.name());
      }
      if (o.kind() == Type.Kind.ARRAY) {
        return issue(m, "array elements can only be selected using an integer (got string)");
      }
      if (o.is(Type.Kind.MAP)) {
        return o.kind() == Type.Kind.MAP ? o.elem() : Type.UNKNOWN;
      }
      return issue(m, "type " + (o.kind() == Type.Kind.NIL ? "nil" : o) + " has no field " + m.name());
    } else if (e instanceof Expr.Index) {
      return index((Expr.Index) e);
    } else if (e instanceof Expr.Slice) {
      Expr.Slice s = (Expr.Slice) e;
      Type o = check(s.object());
      for (Expr b : new Expr[] {s.from(), s.to()}) {
        if (b != null && !check(b).is(Type.Kind.INT)) {
          issue(b, "non-integer slice index " + types.get(b));
        }
      }
      return o.is(Type.Kind.ARRAY, Type.Kind.STRING) ? o : issue(s, "cannot slice " + o);
    } else if (e instanceof Expr.Call) {
      return call((Expr.Call) e);
    } else if (e instanceof Expr.Closure) {
      return check(((Expr.Closure) e).body());
    } else if (e instanceof Expr.ArrayLit) {
      Type elem = null;
      for (Expr item : ((Expr.ArrayLit) e).items()) {
        Type t = check(item);
        elem = elem == null || elem.equals(t) ? t : Type.UNKNOWN;
      }
      // expr v1.17.8 types a literal whose elements share one type as a typed slice ([]int, []string, ...)
      return elem == null ? Type.ANY_ARRAY : Type.arrayOf(elem);
    }
    Expr.MapLit m = (Expr.MapLit) e;
    m.keys().forEach(this::check);
    m.values().forEach(this::check);
    return Type.ANY_MAP;
  }

  private Type unary(Expr.Unary u) {
    Type t = check(u.operand());
    if (u.op().equals("!") || u.op().equals("not")) {
      return t.is(Type.Kind.BOOL) ? Type.BOOL : issue(u, "invalid operation: " + u.op() + " (mismatched type " + t
          + ")");
    }
    return t.is(Type.Kind.INT, Type.Kind.FLOAT, Type.Kind.DURATION) ? t
        : issue(u, "invalid operation: " + u.op() + " (mismatched type " + t + ")");
  }

  private Type index(Expr.Index ix) {
    Type o = check(ix.object());
    Type i = check(ix.index());
    if (o == Type.ENV && ix.index() instanceof Expr.Literal && ((Expr.Literal) ix.index()).value() instanceof String) {
      Type t = variables.get((String) ((Expr.Literal) ix.index()).value());
      return t != null ? t : Type.UNKNOWN;
    }
    switch (o.kind()) {
      case ARRAY:
        return i.is(Type.Kind.INT) ? o.elem()
            : issue(ix, "array elements can only be selected using an integer (got " + i + ")");
      case MAP:
        return i.is(Type.Kind.STRING) || o == Type.GROUPS || o == Type.PAIRS_MAP ? o.elem()
            : issue(ix, "cannot use " + i + " to get an element from " + o);
      case UNKNOWN:
        return Type.UNKNOWN;
      case NIL:
        return issue(ix, "type unknown[" + i + "] is undefined");
      default:
        return issue(ix, "type " + o + "[" + i + "] is undefined");
    }
  }

  private Type call(Expr.Call c) {
    String name = c.name();
    if (!functions.contains(name)) {
      c.args().forEach(this::check);
      return issue(c, "unknown name " + name);
    }
    int[] arity = Signatures.arity(name);
    if (c.args().size() < arity[0]) {
      return issue(c, "not enough arguments to call " + name);
    } else if (c.args().size() > arity[1]) {
      return issue(c, "too many arguments to call " + name);
    }
    List<Type> args = new ArrayList<>();
    if (Parser.PREDICATE_FUNCTIONS.contains(name)) {
      Type coll = check(c.args().get(0));
      args.add(coll);
      if (!coll.is(Type.Kind.ARRAY)) {
        issue(c.args().get(0), "builtin " + name + " takes only array (got " + coll + ")");
      }
      closures.push(coll.elem());
      closureNames.push(name);
      Type body = c.args().size() > 1 ? check(c.args().get(1)) : Type.UNKNOWN;
      closures.pop();
      closureNames.pop();
      args.add(body);
      if (Signatures.BOOL_PREDICATES.contains(name) && !body.is(Type.Kind.BOOL)) {
        issue(c.args().get(1), "predicate should return boolean (got " + body + ")");
      }
      for (int i = 2; i < c.args().size(); i++) {
        args.add(check(c.args().get(i)));
      }
    } else {
      for (Expr a : c.args()) {
        args.add(check(a));
      }
    }
    // An int argument passes the check (expr v1.17.8 fails it at run time unless it is a literal).
    if ((name.equals("isNaN") || name.equals("isInf")) && !args.get(0).is(Type.Kind.FLOAT, Type.Kind.INT)) {
      return issue(c.args().get(0), "cannot use " + args.get(0) + " as argument (type float64) to call " + name
          + " ");
    }
    if ((name.equals("first") || name.equals("last")) && c.args().get(0) instanceof Expr.Literal
        && args.get(0).kind() == Type.Kind.NIL) {
      // expr v1.17.8 evaluates a call with constant arguments while compiling, so this fails whatever surrounds it
      return issue(c, "cannot get " + name + " element from %!s(<nil>)");
    }
    if (name.equals("sort") && c.args().get(0) instanceof Expr.Literal && args.get(0).kind() == Type.Kind.NIL) {
      return issue(c.args().get(0), "cannot use nil as argument (type []int) to call sort");
    }
    if (Set.of("max", "min", "mean", "median").contains(name)) {
      for (int i = 0; i < args.size(); i++) {
        Type t = args.get(i);
        if (!t.isUnknown() && !t.isNumber() && t.kind() != Type.Kind.ARRAY && t.kind() != Type.Kind.OTHER) {
          return issue(c, "invalid argument for " + name + " (type " + (t.kind() == Type.Kind.NIL ? "%!s(<nil>)" : t)
              + ")");
        }
      }
    }
    if (name.equals("get")) {
      String wrong = wrongGet(args.get(0), args.get(1));
      if (wrong != null) {
        return issue(c.args().get(wrong.startsWith("type") ? 0 : 1), wrong);
      }
    }
    String wrong = Signatures.wrongArguments(name, args);
    if (wrong != null) {
      return issue(c, wrong);
    }
    return Signatures.result(name, args);
  }

  private Type method(Expr.MethodCall c) {
    Type o = check(c.object());
    List<Type> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(check(a));
    }
    if (o.isUnknown()) {
      return Type.UNKNOWN;
    }
    Type t = Methods.result(o, c.name(), args.size());
    if (t == null) {
      return issue(c, "type " + o + " has no method " + c.name());
    }
    return t;
  }

  /** What expr's checker says about {@code get(container, key)} with statically known types, or null. */
  private static @org.jspecify.annotations.Nullable String wrongGet(Type container, Type key) {
    switch (container.kind()) {
      case UNKNOWN:
        return null;
      case NIL:
        return "type unknown does not support indexing";
      case MAP:
        return key.is(Type.Kind.STRING, Type.Kind.NIL) || container == Type.GROUPS || container == Type.PAIRS_MAP ? null
            : "cannot use " + key + " to get an element from " + container;
      case ARRAY:
        return key.is(Type.Kind.INT, Type.Kind.NIL) ? null : "non-integer slice index " + key;
      default:
        return "type " + container + " does not support indexing";
    }
  }

  static boolean isIntLiteral(Expr e) {
    return (e instanceof Expr.Literal && ((Expr.Literal) e).value() instanceof Long)
        || (e instanceof Expr.Unary && isIntLiteral(((Expr.Unary) e).operand()));
  }
}
