/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The syntax tree: one record per node kind, each with the offset of its first character. */
sealed interface Expr {
  /** Offset of the node in the source, for issue positions. */
  int at();

  /** A literal: Long, Double, String, Boolean, byte[] (a bytes literal) or null. */
  record Literal(@Nullable Object value, int at) implements Expr {}

  /** A name: {@code result}, or a function name used as a value. */
  record Ident(String name, int at) implements Expr {}

  /** {@code #} (name ""), {@code #index} or {@code #acc} inside a predicate. */
  record Pointer(String name, int at) implements Expr {}

  /** A unary operator: {@code ! not - +}. */
  record Unary(String op, Expr operand, int at) implements Expr {}

  /** A binary operator; {@code negate} is set for {@code not in}, {@code not matches} and friends. */
  record Binary(String op, Expr left, Expr right, boolean negate, int at) implements Expr {}

  /** {@code cond ? a : b}. */
  record Ternary(Expr cond, Expr then, Expr otherwise, int at) implements Expr {}

  /** {@code obj.name} or {@code obj?.name}; {@code nilSafe} also covers links after a {@code ?.}. */
  record Member(Expr object, String name, boolean nilSafe, int at) implements Expr {}

  /** {@code obj[index]}. */
  record Index(Expr object, Expr index, boolean nilSafe, int at) implements Expr {}

  /** {@code obj[from:to]}; either bound may be absent. */
  record Slice(Expr object, @Nullable Expr from, @Nullable Expr to, int at) implements Expr {}

  /** A function call. */
  record Call(String name, List<Expr> args, int at) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** A predicate body: {@code {# > 1}} or bare {@code # > 1} as a predicate argument. */
  record Closure(Expr body, int at) implements Expr {}

  /** {@code [a, b]}. */
  record ArrayLit(List<Expr> items, int at) implements Expr {
    public ArrayLit {
      items = List.copyOf(items);
    }
  }

  /** {@code let name = value; body}. */
  record Let(String name, Expr value, Expr body, int at) implements Expr {}

  /** {@code a; b; c}: evaluates all, the value is the last one's. */
  record Sequence(List<Expr> items, int at) implements Expr {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** {@code obj.Name(args)}: a method of a duration or a time. */
  record MethodCall(Expr object, String name, List<Expr> args, int at) implements Expr {
    public MethodCall {
      args = List.copyOf(args);
    }
  }

  /** {@code {k: v}}; keys are string expressions. */
  record MapLit(List<Expr> keys, List<Expr> values, int at) implements Expr {
    public MapLit {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
    }
  }
}
