/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import dev.assay.expr.FloatVector;
import java.util.AbstractList;
import java.util.Arrays;

/**
 * An immutable list of sample values backed by a primitive array, so a 10,000-series vector costs one array rather
 * than 10,000 boxed doubles until a condition reads them.
 */
public final class SampleValues extends AbstractList<Double> implements FloatVector {
  private static final SampleValues EMPTY = new SampleValues(new double[0], 0);

  private final double[] values;
  private final int size;

  private SampleValues(double[] values, int size) {
    this.values = values;
    this.size = size;
  }

  /**
   * The empty list.
   *
   * @return the empty list
   */
  public static SampleValues empty() {
    return EMPTY;
  }

  @Override
  public Double get(int index) {
    return getDouble(index);
  }

  /**
   * A value without boxing.
   *
   * @param index the position
   * @return the value
   */
  public double getDouble(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of range for length " + size);
    }
    return values[index];
  }

  @Override
  public double at(int index) {
    return getDouble(index);
  }

  @Override
  public int size() {
    return size;
  }

  /** Collects values in order; not thread-safe. */
  static final class Builder {
    private double[] values = new double[16];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    SampleValues build() {
      return size == 0 ? EMPTY : new SampleValues(values, size);
    }
  }
}
