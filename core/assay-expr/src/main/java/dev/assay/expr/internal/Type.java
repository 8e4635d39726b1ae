/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A static type of the condition language, named as Go names it (these names appear in Argo's messages).
 * {@link Kind#UNKNOWN} is Go's {@code interface {}}: anything, checked at run time.
 */
public final class Type {
  /** Kinds of static type. */
  public enum Kind { UNKNOWN, NIL, BOOL, INT, FLOAT, STRING, ARRAY, MAP, TIME, DURATION, BYTES, OTHER }

  /** Named as expr v1.17.8's checker names it in messages. */
  public static final Type UNKNOWN = new Type(Kind.UNKNOWN, "unknown", null);
  public static final Type NIL = new Type(Kind.NIL, "<nil>", null);
  /** The literal {@code nil}, which expr v1.17.8's checker names "unknown" in messages. */
  public static final Type NIL_LITERAL = new Type(Kind.NIL, "unknown", null);
  public static final Type BOOL = new Type(Kind.BOOL, "bool", null);
  public static final Type INT = new Type(Kind.INT, "int", null);
  public static final Type INT64 = new Type(Kind.INT, "int64", null);
  public static final Type FLOAT = new Type(Kind.FLOAT, "float64", null);
  public static final Type STRING = new Type(Kind.STRING, "string", null);
  public static final Type TIME = new Type(Kind.TIME, "time.Time", null);
  public static final Type DURATION = new Type(Kind.DURATION, "time.Duration", null);
  /** An element of {@code []interface {}} or a value of {@code map[string]interface {}}. */
  public static final Type INTERFACE = new Type(Kind.UNKNOWN, "interface {}", null);
  public static final Type ANY_ARRAY = new Type(Kind.ARRAY, "[]interface {}", INTERFACE);
  public static final Type FLOAT_ARRAY = new Type(Kind.ARRAY, "[]float64", FLOAT);
  public static final Type INT_ARRAY = new Type(Kind.ARRAY, "[]int", INT);
  public static final Type STRING_ARRAY = new Type(Kind.ARRAY, "[]string", STRING);
  public static final Type BYTES = new Type(Kind.BYTES, "[]uint8", null);
  /** {@code $env}: the environment as a map. */
  public static final Type ENV = new Type(Kind.MAP, "map[string]interface {}", UNKNOWN);
  /** What {@code groupBy} returns. */
  public static final Type GROUPS = new Type(Kind.MAP, "map[interface {}][]interface {}", ANY_ARRAY);
  /** What {@code fromPairs} returns. */
  public static final Type PAIRS_MAP = new Type(Kind.MAP, "map[interface {}]interface {}", UNKNOWN);
  public static final Type ANY_MAP = new Type(Kind.MAP, "map[string]interface {}", INTERFACE);

  private final Kind kind;
  private final String name;
  private final @Nullable Type elem;

  private Type(Kind kind, String name, @Nullable Type elem) {
    this.kind = kind;
    this.name = name;
    this.elem = elem;
  }

  /**
   * An opaque type for a Java value the language has no name for.
   *
   * @param javaName the Java class name shown in messages
   * @return an unknown-kind type with that name
   */
  public static Type opaque(String javaName) {
    return new Type(Kind.UNKNOWN, javaName, null);
  }

  /**
   * A named type of its own kind, such as {@code time.Month}: equal only to itself.
   *
   * @param kind the kind
   * @param name Go's name
   * @return the type
   */
  static Type named(Kind kind, String name) {
    return new Type(kind, name, null);
  }

  /**
   * The array type of an element type, as Go's typed slice literal {@code []int}; {@code []interface {}} for an
   * unknown element.
   *
   * @param elem the element type
   * @return the array type
   */
  static Type arrayOf(Type elem) {
    if (elem.kind() == Kind.UNKNOWN || elem.kind() == Kind.NIL) {
      return ANY_ARRAY;
    }
    // expr v1.17.8 names such a value []interface {} in messages but checks elements against the element type
    return new Type(Kind.ARRAY, "[]interface {}", elem);
  }

  public Kind kind() {
    return kind;
  }

  /** Element type of an array or value type of a map; unknown otherwise. */
  public Type elem() {
    return elem == null ? UNKNOWN : elem;
  }

  public boolean isUnknown() {
    return kind == Kind.UNKNOWN;
  }

  public boolean isNumber() {
    return kind == Kind.INT || kind == Kind.FLOAT;
  }

  /** Unknown or one of the given kinds. */
  public boolean is(Kind... kinds) {
    if (kind == Kind.UNKNOWN) {
      return true;
    }
    for (Kind k : kinds) {
      if (k == kind) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Type && ((Type) o).kind == kind && ((Type) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name);
  }

  @Override
  public String toString() {
    return name;
  }
}
