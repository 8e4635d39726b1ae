/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** The value of {@code a..b}: Go's {@code []int}, computed per element instead of stored. Immutable. */
final class RangeList extends AbstractList<Object> implements RandomAccess {
  private final long first;
  private final int size;

  RangeList(long first, int size) {
    this.first = first;
    this.size = size;
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of range for length " + size);
    }
    return first + index;
  }

  @Override
  public int size() {
    return size;
  }
}
