/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import org.jspecify.annotations.Nullable;

/**
 * A compiled evaluation node. Nodes are immutable and shared between threads; {@code r} is the value bound to
 * {@code result} and {@code f} the per-evaluation frame (null when the plan needs none). Typed nodes override the
 * primitive methods so scalar comparisons run unboxed.
 */
public abstract class Node {
  /** Evaluates to a runtime value. */
  public abstract @Nullable Object eval(@Nullable Object r, @Nullable Frame f);

  /** Evaluates a value the checker typed bool (or unknown, checked here). */
  public boolean evalBool(@Nullable Object r, @Nullable Frame f) {
    return Values.asBool(eval(r, f));
  }

  /** Evaluates a number as float64. */
  public double evalDouble(@Nullable Object r, @Nullable Frame f) {
    return Values.asDouble(eval(r, f));
  }

  /** Evaluates an int. */
  public long evalLong(@Nullable Object r, @Nullable Frame f) {
    return Values.asLong(eval(r, f));
  }
}
