/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.FloatVector;
import java.util.AbstractList;

/** The standard {@link FloatVector}: an immutable copy of a {@code double[]}. */
public final class DoubleArrayVector extends AbstractList<Double> implements FloatVector {
  private final double[] values;

  private DoubleArrayVector(double[] values) {
    this.values = values;
  }

  /**
   * A vector holding a copy of the values.
   *
   * @param values the values
   * @return the vector
   */
  public static DoubleArrayVector copyOf(double[] values) {
    return new DoubleArrayVector(values.clone());
  }

  @Override
  public double at(int index) {
    return values[index];
  }

  @Override
  public Double get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
