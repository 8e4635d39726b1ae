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
  public enum Kind { UNKNOWN, NIL, BOOL, INT, FLOAT, STRING, ARRAY, MAP, TIME, DURATION }

  public static final Type UNKNOWN = new Type(Kind.UNKNOWN, "interface {}", null);
  public static final Type NIL = new Type(Kind.NIL, "<nil>", null);
  public static final Type BOOL = new Type(Kind.BOOL, "bool", null);
  public static final Type INT = new Type(Kind.INT, "int", null);
  public static final Type INT64 = new Type(Kind.INT, "int64", null);
  public static final Type FLOAT = new Type(Kind.FLOAT, "float64", null);
  public static final Type STRING = new Type(Kind.STRING, "string", null);
  public static final Type TIME = new Type(Kind.TIME, "time.Time", null);
  public static final Type DURATION = new Type(Kind.DURATION, "time.Duration", null);
  public static final Type ANY_ARRAY = new Type(Kind.ARRAY, "[]interface {}", UNKNOWN);
  public static final Type FLOAT_ARRAY = new Type(Kind.ARRAY, "[]float64", FLOAT);
  public static final Type INT_ARRAY = new Type(Kind.ARRAY, "[]int", INT);
  public static final Type STRING_ARRAY = new Type(Kind.ARRAY, "[]string", STRING);
  public static final Type ANY_MAP = new Type(Kind.MAP, "map[string]interface {}", UNKNOWN);

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
