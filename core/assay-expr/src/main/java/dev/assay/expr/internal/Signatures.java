/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Arity and result type of every function: expr-lang built-ins and Argo's functions. */
final class Signatures {
  static final Set<String> BOOL_PREDICATES = Set.of("all", "any", "none", "one", "filter", "count", "find",
      "findIndex", "findLast", "findLastIndex");
  private static final Map<String, int[]> ARITY = new HashMap<>();
  private static final Map<String, Type> RESULT = new HashMap<>();

  private Signatures() {}

  private static void def(String name, int min, int max, Type result) {
    ARITY.put(name, new int[] {min, max});
    RESULT.put(name, result);
  }

  static {
    for (String p : List.of("all", "any", "none", "one")) {
      def(p, 2, 2, Type.BOOL);
    }
    def("filter", 2, 2, Type.ANY_ARRAY);
    def("map", 2, 2, Type.ANY_ARRAY);
    def("count", 1, 2, Type.INT);
    def("sum", 1, 2, Type.UNKNOWN);
    def("find", 2, 2, Type.UNKNOWN);
    def("findLast", 2, 2, Type.UNKNOWN);
    def("findIndex", 2, 2, Type.INT);
    def("findLastIndex", 2, 2, Type.INT);
    def("groupBy", 2, 2, Type.GROUPS);
    def("sortBy", 2, 3, Type.ANY_ARRAY);
    def("reduce", 2, 3, Type.UNKNOWN);
    def("len", 1, 1, Type.INT);
    def("abs", 1, 1, Type.UNKNOWN);
    for (String f : List.of("ceil", "floor", "round", "float")) {
      def(f, 1, 1, Type.FLOAT);
    }
    def("mean", 1, Integer.MAX_VALUE, Type.UNKNOWN);
    def("median", 1, Integer.MAX_VALUE, Type.UNKNOWN);
    def("int", 1, 1, Type.INT);
    def("string", 1, 1, Type.STRING);
    def("max", 1, Integer.MAX_VALUE, Type.UNKNOWN);
    def("min", 1, Integer.MAX_VALUE, Type.UNKNOWN);
    def("first", 1, 1, Type.UNKNOWN);
    def("last", 1, 1, Type.UNKNOWN);
    def("get", 2, 2, Type.UNKNOWN);
    for (String f : List.of("keys", "values", "reverse", "uniq", "flatten", "toPairs")) {
      def(f, 1, 1, Type.ANY_ARRAY);
    }
    def("sort", 1, 2, Type.ANY_ARRAY);
    def("concat", 1, Integer.MAX_VALUE, Type.ANY_ARRAY);
    def("take", 2, 2, Type.ANY_ARRAY);
    def("fromPairs", 1, 1, Type.PAIRS_MAP);
    for (String f : List.of("trim", "trimPrefix", "trimSuffix", "join")) {
      def(f, 1, 2, Type.STRING);
    }
    for (String f : List.of("upper", "lower", "toJSON", "toBase64", "fromBase64", "type", "timezone")) {
      def(f, 1, 1, Type.STRING);
    }
    def("split", 2, 3, Type.STRING_ARRAY);
    def("splitAfter", 2, 3, Type.STRING_ARRAY);
    def("replace", 3, 3, Type.STRING);
    def("repeat", 2, 2, Type.STRING);
    def("indexOf", 2, 2, Type.INT);
    def("lastIndexOf", 2, 2, Type.INT);
    def("hasPrefix", 2, 2, Type.BOOL);
    def("hasSuffix", 2, 2, Type.BOOL);
    def("now", 0, 0, Type.TIME);
    def("duration", 1, 1, Type.DURATION);
    def("date", 1, 3, Type.TIME);
    def("fromJSON", 1, 1, Type.UNKNOWN);
    def("bitnot", 1, 1, Type.INT);
    for (String f : List.of("bitand", "bitor", "bitxor", "bitnand", "bitshl", "bitshr", "bitushr")) {
      def(f, 2, 2, Type.INT);
    }
    def("asInt", 1, 1, Type.INT64);
    def("asFloat", 1, 1, Type.FLOAT);
    def("isNaN", 1, 1, Type.BOOL);
    def("isInf", 1, 1, Type.BOOL);
    def("isNil", 1, 1, Type.BOOL);
    def("default", 2, 2, Type.UNKNOWN);
  }

  /** Declared parameter types of built-ins that expr's checker enforces; the last overload is listed last. */
  private static final Map<String, List<Type[]>> OVERLOADS = new HashMap<>();
  private static final Type STRINGS = Type.named(Type.Kind.ARRAY, "[]string");
  private static final Type INTS = Type.named(Type.Kind.ARRAY, "[]int");

  static {
    Type s = Type.STRING;
    Type i = Type.INT;
    for (String f : List.of("upper", "lower", "toBase64", "fromBase64", "fromJSON")) {
      OVERLOADS.put(f, List.<Type[]>of(new Type[] {s}));
    }
    for (String f : List.of("trim", "trimPrefix", "trimSuffix")) {
      OVERLOADS.put(f, List.<Type[]>of(new Type[] {s}, new Type[] {s, s}));
    }
    for (String f : List.of("split", "splitAfter")) {
      OVERLOADS.put(f, List.<Type[]>of(new Type[] {s, s}, new Type[] {s, s, i}));
    }
    for (String f : List.of("indexOf", "lastIndexOf", "hasPrefix", "hasSuffix")) {
      OVERLOADS.put(f, List.<Type[]>of(new Type[] {s, s}));
    }
    OVERLOADS.put("replace", List.<Type[]>of(new Type[] {s, s, s}));
    OVERLOADS.put("repeat", List.<Type[]>of(new Type[] {s, i}));
    OVERLOADS.put("join", List.<Type[]>of(new Type[] {STRINGS, s}, new Type[] {STRINGS}));
    OVERLOADS.put("sort", List.<Type[]>of(new Type[] {INTS, s}));
    OVERLOADS.put("bitnot", List.<Type[]>of(new Type[] {i}));
    for (String f : List.of("bitand", "bitor", "bitxor", "bitnand", "bitshl", "bitshr", "bitushr")) {
      OVERLOADS.put(f, List.<Type[]>of(new Type[] {i, i}));
    }
  }

  /**
   * What expr's checker says about the arguments of a built-in with declared parameter types, or null when they
   * fit. When no overload fits, expr reports the last overload's problem, which is sometimes an argument count.
   */
  static @org.jspecify.annotations.Nullable String wrongArguments(String name, List<Type> args) {
    List<Type[]> overloads = OVERLOADS.get(name);
    if (overloads == null) {
      return null;
    }
    for (Type[] params : overloads) {
      if (fits(name, params, args, params.length) && args.size() <= params.length
          && (args.size() == params.length || overloads.size() == 1 || name.equals("sort"))) {
        return null;
      }
    }
    Type[] last = overloads.get(overloads.size() - 1);
    if (args.size() != last.length && !name.equals("sort")) {
      return args.size() < last.length ? "not enough arguments to call " + name : "too many arguments to call " + name;
    }
    for (int k = 0; k < Math.min(last.length, args.size()); k++) {
      if (!fits(name, last[k], args.get(k))) {
        Type got = args.get(k);
        // expr's text ends with a space, except for nil
        return "cannot use " + (got.kind() == Type.Kind.NIL ? "nil" : got) + " as argument (type " + last[k]
            + ") to call " + name + (got.kind() == Type.Kind.NIL ? "" : " ");
      }
    }
    return args.size() < last.length ? "not enough arguments to call " + name : "too many arguments to call " + name;
  }

  private static boolean fits(String name, Type[] params, List<Type> args, int n) {
    for (int k = 0; k < n && k < args.size(); k++) {
      if (k >= params.length || !fits(name, params[k], args.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(String name, Type param, Type arg) {
    if (arg.isUnknown()) {
      return true;
    } else if (arg.kind() == Type.Kind.NIL) {
      return !(name.equals("join") || name.equals("sort"));
    } else if (param == INTS) {
      return arg.kind() == Type.Kind.ARRAY;
    } else if (param == STRINGS) {
      return arg.kind() == Type.Kind.ARRAY && !arg.equals(Type.FLOAT_ARRAY);
    }
    return param.equals(Type.INT) ? arg.kind() == Type.Kind.INT : param.equals(arg);
  }

  /** Every expr-lang built-in this implementation provides (Argo's functions excluded). */
  static Set<String> builtins() {
    Set<String> all = new java.util.HashSet<>(ARITY.keySet());
    all.removeAll(Checker.ARGO_FUNCTIONS);
    return all;
  }

  static int[] arity(String name) {
    return ARITY.get(name);
  }

  static Type result(String name, List<Type> args) {
    switch (name) {
      case "abs":
        return args.get(0).isNumber() ? args.get(0) : Type.UNKNOWN;
      case "max": case "min": {
        Type first = args.get(0);
        boolean same = first.isNumber() && args.stream().allMatch(a -> a.equals(first));
        return same ? first : Type.UNKNOWN;
      }
      case "first": case "last":
        return args.get(0).kind() == Type.Kind.ARRAY ? args.get(0).elem() : Type.UNKNOWN;
      case "find": case "findLast":
        return args.get(0).kind() == Type.Kind.ARRAY ? args.get(0).elem() : Type.UNKNOWN;
      case "map":
        return Type.arrayOf(args.get(1));
      case "filter": case "sortBy": case "sort":
        return args.get(0).kind() == Type.Kind.ARRAY ? args.get(0) : Type.ANY_ARRAY;
      case "get":
        return args.get(0).kind() == Type.Kind.ARRAY || args.get(0).kind() == Type.Kind.MAP ? args.get(0).elem()
            : Type.UNKNOWN;
      case "sum":
        Type e = args.get(0).elem();
        return args.size() == 1 && e.isNumber() ? e : Type.INTERFACE;
      default:
        return RESULT.get(name);
    }
  }
}
