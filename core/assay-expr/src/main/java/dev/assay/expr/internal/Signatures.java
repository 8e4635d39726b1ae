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
    def("groupBy", 2, 2, Type.UNKNOWN);
    def("sortBy", 2, 3, Type.ANY_ARRAY);
    def("reduce", 2, 3, Type.UNKNOWN);
    def("len", 1, 1, Type.INT);
    def("abs", 1, 1, Type.UNKNOWN);
    for (String f : List.of("ceil", "floor", "round", "float", "mean", "median")) {
      def(f, 1, f.startsWith("me") ? Integer.MAX_VALUE : 1, Type.FLOAT);
    }
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
    def("fromPairs", 1, 1, Type.ANY_MAP);
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
      case "first": case "last":
        return args.get(0).kind() == Type.Kind.ARRAY ? args.get(0).elem() : Type.UNKNOWN;
      case "find": case "findLast":
        return args.get(0).kind() == Type.Kind.ARRAY ? args.get(0).elem() : Type.UNKNOWN;
      case "sum":
        Type e = args.get(0).elem();
        return args.size() == 1 && e.isNumber() ? e : Type.UNKNOWN;
      default:
        return RESULT.get(name);
    }
  }
}
