/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.gotext.GoText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code [?(@.x == "y")]} or {@code [?(@.x)]}: the elements of each array for which the comparison holds (or, for
 * {@code exists}, for which the left side yields something).
 *
 * <p>Comparisons follow Go's {@code text/template} rules (same kind on both sides, strings by bytes, no ordering of
 * booleans) except that every number compares with every number: client-go would reject {@code @.code == 200} on
 * JSON data (float64 against int) with {@code incompatible types for comparison}.
 */
record FilterNode(PathNode.Sequence left, PathNode.Sequence right, String operator) implements PathNode {
  static final String EXISTS = "exists";

  @Override
  public List<JsonNode> apply(List<JsonNode> input) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : input) {
      if (!value.isArray()) {
        throw new JsonPathException(Values.goFormat(value) + " is not array or slice and cannot be filtered");
      }
      for (JsonNode element : value) {
        if (matches(element)) {
          out.add(element);
        }
      }
    }
    return out;
  }

  private boolean matches(JsonNode element) {
    List<JsonNode> current = List.of(element);
    if (EXISTS.equals(operator)) {
      try {
        return !left.apply(current).isEmpty();
      } catch (JsonPathException e) {
        return false;
      }
    }
    JsonNode l = single(left.apply(current));
    JsonNode r = single(right.apply(current));
    if (l == null || r == null) {
      return false;
    }
    switch (operator) {
      case "==":
        return equal(l, r);
      case "!=":
        return !equal(l, r);
      case "<":
        return less(l, r);
      case "<=":
        return less(l, r) || equal(l, r);
      case ">":
        return !(less(l, r) || equal(l, r));
      case ">=":
        return !less(l, r);
      default:
        throw new JsonPathException("unrecognized filter operator " + operator);
    }
  }

  private static @Nullable JsonNode single(List<JsonNode> values) {
    if (values.size() > 1) {
      throw new JsonPathException("can only compare one element at a time");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private enum Kind { BOOL, NUMBER, STRING }

  private static Kind kind(JsonNode value) {
    if (value.isBoolean()) {
      return Kind.BOOL;
    } else if (value.isNumber()) {
      return Kind.NUMBER;
    } else if (value.isTextual()) {
      return Kind.STRING;
    }
    throw new JsonPathException("invalid type for comparison");
  }

  private static Kind sameKind(JsonNode l, JsonNode r) {
    Kind k = kind(l);
    if (k != kind(r)) {
      throw new JsonPathException("incompatible types for comparison");
    }
    return k;
  }

  private static boolean equal(JsonNode l, JsonNode r) {
    switch (sameKind(l, r)) {
      case BOOL:
        return l.booleanValue() == r.booleanValue();
      case NUMBER:
        return compareNumbers(l, r) == 0;
      default:
        return l.textValue().equals(r.textValue());
    }
  }

  private static boolean less(JsonNode l, JsonNode r) {
    switch (sameKind(l, r)) {
      case BOOL:
        throw new JsonPathException("invalid type for comparison");
      case NUMBER:
        return compareNumbers(l, r) < 0;
      default:
        return GoText.compareStrings(l.textValue(), r.textValue()) < 0;
    }
  }

  private static int compareNumbers(JsonNode l, JsonNode r) {
    if (l.isIntegralNumber() && r.isIntegralNumber()) {
      return Long.compare(l.longValue(), r.longValue());
    }
    double a = l.doubleValue();
    double b = r.doubleValue();
    // Go's float comparisons: NaN is neither less nor equal (JSON cannot carry NaN, literals cannot either).
    return a < b ? -1 : (a == b ? 0 : 1);
  }
}
