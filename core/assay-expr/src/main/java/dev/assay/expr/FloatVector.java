/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.internal.DoubleArrayVector;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list of numbers that conditions see as Go's {@code []float64}: the shape of Argo's Prometheus vector result.
 * Any other {@link List} is {@code []interface {}} (the shape of a web result), even when every element is a
 * {@link Double}; the difference shows in type checks ({@code result[0] == "x"} is a compile error on
 * {@code []float64} and {@code false} on {@code []interface {}}). Implementations are immutable and thread-safe.
 */
public interface FloatVector extends List<Double>, RandomAccess {
  /**
   * The value at an index, unboxed.
   *
   * @param index zero-based
   * @return the value
   * @throws IndexOutOfBoundsException when out of range
   */
  double at(int index);

  /**
   * A vector of the given values (copied).
   *
   * @param values the values, NaN and infinities allowed
   * @return an immutable vector
   */
  static FloatVector of(double... values) {
    return DoubleArrayVector.copyOf(values);
  }
}
