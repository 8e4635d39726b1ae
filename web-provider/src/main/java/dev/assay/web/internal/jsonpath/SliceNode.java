/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [i]}, {@code [-1]}, {@code [a:b:c]}, {@code [*]}: elements of each array, with client-go's bounds rules and
 * messages. An index {@code [i]} is the slice {@code [i:i+1]} whose end is "derived", so {@code [-1]} reaches the
 * last element.
 */
record SliceNode(Bound start, Bound end, Bound step) implements PathNode {

  /**
   * One of the three slice numbers.
   *
   * @param value the number (meaningful when known)
   * @param known whether it was given (or derived)
   * @param derived whether it is the implicit end of a single index
   */
  record Bound(long value, boolean known, boolean derived) {
    static final Bound UNKNOWN = new Bound(0, false, false);
  }

  @Override
  public List<JsonNode> apply(List<JsonNode> input) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      if (value.isNull()) {
        continue;
      }
      if (!value.isArray()) {
        throw new JsonPathException(Values.goType(value) + " is not array or slice");
      }
      long length = value.size();
      long from = start.known() ? start.value() : 0;
      if (from < 0) {
        from += length;
      }
      long to = end.known() ? end.value() : length;
      if (to < 0 || (to == 0 && end.derived())) {
        to += length;
      }
      if (to == from) {
        // client-go stops at the first empty selection and returns what it has so far.
        return out;
      }
      if (from >= length || from < 0) {
        throw outOfBounds(from, length);
      }
      if (to > length || to < 0) {
        throw outOfBounds(to - 1, length);
      }
      if (from > to) {
        throw new JsonPathException("starting index " + from + " is greater than ending index " + to);
      }
      long stride = 1;
      if (step.known()) {
        if (step.value() <= 0) {
          throw new JsonPathException("step must be > 0");
        }
        stride = step.value();
      }
      for (long i = from; i < to; i += stride) {
        out.add(value.get((int) i));
      }
    }
    return out;
  }

  private static JsonPathException outOfBounds(long index, long length) {
    return new JsonPathException("array index out of bounds: index " + index + ", length " + length);
  }
}
