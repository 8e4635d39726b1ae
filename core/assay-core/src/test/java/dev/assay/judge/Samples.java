/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import java.util.ArrayList;
import java.util.List;

/** Deterministic latency-like samples for judge tests. */
final class Samples {
  private Samples() {}

  /**
   * n values spread evenly (by a fixed low-discrepancy sequence) around a median, +-spread relative.
   */
  static List<Double> around(double median, double spread, int n) {
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double u = ((i * 0.6180339887498949) % 1.0) * 2 - 1;
      out.add(median * (1 + spread * u));
    }
    return out;
  }

  static List<Double> repeat(double value, int n, List<Double> tail) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(value);
    }
    out.addAll(tail);
    return out;
  }
}
