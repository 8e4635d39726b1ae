/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import dev.assay.expr.internal.Type;
import dev.assay.expr.internal.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The static type of {@code result}, which Argo takes from the provider's runtime value. This is the one place
 * where Java values map to the language's (Go's) types:
 * <ul>
 *   <li>{@code null} → {@code <nil>}; {@link Boolean} → {@code bool}; {@link String} → {@code string};</li>
 *   <li>{@link Double}, {@link Float}, {@link java.math.BigDecimal} → {@code float64};</li>
 *   <li>{@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link java.math.BigInteger} → {@code int};</li>
 *   <li>{@code double[]} or a {@link FloatVector} (Argo's Prometheus vector) → {@code []float64}; any other
 *       {@link List} or {@code Object[]} (Argo's web provider's JSON arrays) → {@code []interface {}}, even when
 *       every element is a {@link Double};</li>
 *   <li>a {@link Map} → {@code map[string]interface {}} (keys are strings; values are typed at run time);</li>
 *   <li>{@link Instant} → {@code time.Time}; {@link Duration} → {@code time.Duration}.</li>
 * </ul>
 * Providers should pass JSON numbers as {@link Double}, as Go's {@code encoding/json} does (see
 * {@code docs/conditions.md}, "Result types"). Immutable and thread-safe.
 */
public final class ResultType {
  private final Type type;

  private ResultType(Type type) {
    this.type = type;
  }

  /**
   * The type Argo would give a provider value.
   *
   * @param value the value of {@code result}; may be null
   * @return its type
   */
  public static ResultType of(@Nullable Object value) {
    if (value == null) {
      return new ResultType(Type.NIL);
    } else if (value instanceof Boolean) {
      return new ResultType(Type.BOOL);
    } else if (value instanceof String) {
      return new ResultType(Type.STRING);
    } else if (value instanceof double[] || value instanceof FloatVector) {
      return new ResultType(Type.FLOAT_ARRAY);
    } else if (value instanceof List || value instanceof Object[]) {
      return new ResultType(Type.ANY_ARRAY);
    } else if (value instanceof Map) {
      return new ResultType(Type.ANY_MAP);
    } else if (value instanceof Instant) {
      return new ResultType(Type.TIME);
    } else if (value instanceof Duration) {
      return new ResultType(Type.DURATION);
    }
    String name = Values.typeName(value);
    switch (name) {
      case "int": return new ResultType(Type.INT);
      case "float64": return new ResultType(Type.FLOAT);
      default: return new ResultType(Type.opaque(name));
    }
  }

  /**
   * Go's name of this type, for example {@code []float64}; it appears in Argo's messages.
   *
   * @return the name
   */
  public String goName() {
    return type.toString();
  }

  Type type() {
    return type;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResultType && ((ResultType) o).type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return goName();
  }
}
