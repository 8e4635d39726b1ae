/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import dev.assay.expr.FloatVector;
import java.util.List;
import java.util.Map;

/**
 * The four workloads and their inputs. (a) {@code result < 0.05} on a double; (b) {@code result[0] >= 0.95} on a
 * list; (c) {@code all(result, {# < 500})} on ten values; (d) three comparisons on a map: Assay reads
 * {@code result.a}, {@code result.b}, {@code result.c} from the map, the other engines bind {@code a}, {@code b},
 * {@code c} from the same map as variables (their natural form).
 */
final class Workloads {
  static final Double SCALAR = 0.01;
  static final List<Double> VECTOR = FloatVector.of(0.97, 0.96, 0.99); // a Prometheus vector: []float64
  static final List<Double> RANGE = FloatVector.of(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0);
  static final Map<String, Object> MAP = Map.of("a", 0.01, "b", 0.2, "c", 0.0);

  static final String A = "result < 0.05";
  static final String B = "result[0] >= 0.95";
  static final String C = "all(result, {# < 500})";
  static final String D = "result.a < 0.02 && result.b < 0.5 && result.c == 0.0";

  private Workloads() {}
}
