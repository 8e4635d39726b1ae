/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Member access, indexing and slicing. */
final class AccessNodes {
  private AccessNodes() {}

  /** {@code obj.name}: a map key (missing gives nil); {@code ?.} and later links give nil on a nil object. */
  static final class Member extends Node {
    private final Node object;
    private final String name;
    private final boolean nilSafe;

    private final boolean onResult;

    Member(Node object, String name, boolean nilSafe) {
      this.object = object;
      // Interned so a lookup in a map with literal or Jackson-interned keys hits String.equals' identity check.
      this.name = name.intern();
      this.nilSafe = nilSafe;
      this.onResult = object instanceof BasicNodes.ResultRef;
    }

    /** The key when this is {@code result.name}, else null. */
    @Nullable String resultField() {
      return onResult ? name : null;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object o = onResult ? r : object.eval(r, f);
      if (o instanceof Map) {
        return ((Map<?, ?>) o).get(name);
      }
      if (o == null && nilSafe) {
        return null;
      }
      if (o instanceof String || o instanceof List) {
        throw Values.error("invalid operation: int(string)"); // expr reads a name on a string or array as an index
      }
      throw Values.error("cannot fetch " + name + " from " + Values.typeName(o));
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      Object v = eval(r, f);
      return v instanceof Double ? (Double) v : Values.asDouble(v);
    }
  }

  /** {@code obj[index]} on a list, map or string. */
  static final class Index extends Node {
    private final Node object;
    private final Node index;
    private final boolean nilSafe;

    Index(Node object, Node index, boolean nilSafe) {
      this.object = object;
      this.index = index;
      this.nilSafe = nilSafe;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object o = object.eval(r, f);
      if (o instanceof List) {
        return element((List<?>) o, index.eval(r, f));
      }
      if (o instanceof Map) {
        return ((Map<?, ?>) o).get(index.eval(r, f));
      }
      if (o instanceof String) {
        byte[] b = ((String) o).getBytes(StandardCharsets.UTF_8);
        int i = position(index.eval(r, f), b.length);
        return String.valueOf((char) (b[i] & 0xff));
      }
      if (o == null && nilSafe) {
        return null;
      }
      throw Values.error("cannot fetch " + Values.format(index.eval(r, f)) + " from " + Values.typeName(o));
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      Object v = eval(r, f);
      return v instanceof Double ? (Double) v : Values.asDouble(v);
    }
  }

  static @Nullable Object element(List<?> list, @Nullable Object index) {
    return list.get(position(index, list.size()));
  }

  static int position(@Nullable Object index, int length) {
    if (!Values.isInt(index)) {
      throw Values.error("cannot use " + Values.typeName(index) + " as index to []interface {}");
    }
    long i = ((Number) index).longValue();
    if (i < 0) {
      i += length;
    }
    if (i < 0 || i >= length) {
      throw Values.error("index out of range: " + i + " (array length is " + length + ")");
    }
    return (int) i;
  }

  /** {@code list[k]} with a constant k on a list the checker typed {@code []float64}: unboxed read. */
  static final class ConstIndex extends Node {
    private final Node list;
    private final long index;

    private final boolean onResult;

    ConstIndex(Node list, long index) {
      this.list = list;
      this.index = index;
      this.onResult = list instanceof BasicNodes.ResultRef;
    }

    @Override public @Nullable Object eval(@Nullable Object r, @Nullable Frame f) {
      Object o = onResult ? r : list.eval(r, f);
      if (!(o instanceof List)) {
        throw Values.error("cannot fetch " + index + " from " + Values.typeName(o));
      }
      List<?> l = (List<?>) o;
      if (index >= 0 && index <= Integer.MAX_VALUE) {
        // Let the list check the bounds; only a miss pays for building Argo's message.
        try {
          return l.get((int) index);
        } catch (IndexOutOfBoundsException ex) {
          throw Values.error("index out of range: " + index + " (array length is " + l.size() + ")");
        }
      }
      int n = l.size();
      long i = index + n;
      if (i < 0 || i >= n) {
        throw Values.error("index out of range: " + i + " (array length is " + n + ")");
      }
      return l.get((int) i);
    }

    @Override public double evalDouble(@Nullable Object r, @Nullable Frame f) {
      Object v = eval(r, f);
      return v instanceof Double ? (Double) v : Values.asDouble(v);
    }
  }

  /** {@code obj[from:to]}; bounds are clamped, negative bounds count from the end. */
  static final class Slice extends Node {
    private final Node object;
    private final @Nullable Node from;
    private final @Nullable Node to;

    Slice(Node object, @Nullable Node from, @Nullable Node to) {
      this.object = object;
      this.from = from;
      this.to = to;
    }

    @Override public Object eval(@Nullable Object r, @Nullable Frame f) {
      Object o = object.eval(r, f);
      int len;
      if (o instanceof List) {
        len = ((List<?>) o).size();
      } else if (o instanceof String) {
        len = ((String) o).length();
      } else {
        throw Values.error("cannot slice " + Values.typeName(o));
      }
      int a = bound(from == null ? 0 : from.evalLong(r, f), len);
      int b = bound(to == null ? len : to.evalLong(r, f), len);
      if (b < a) {
        b = a;
      }
      return o instanceof List ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(((List<?>) o).subList(a, b)))
          : ((String) o).substring(a, b);
    }

    private static int bound(long i, int len) {
      long v = i < 0 ? i + len : i;
      return (int) Math.max(0, Math.min(len, v));
    }
  }
}
