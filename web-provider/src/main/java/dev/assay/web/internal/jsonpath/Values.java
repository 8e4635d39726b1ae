/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.assay.gotext.GoText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How Go sees the values of a Jackson tree decoded the way {@code json.Unmarshal} into {@code interface{}} decodes:
 * numbers are {@code float64} ({@code DoubleNode}), integer literals of a template are {@code int}
 * ({@code LongNode}), string bytes are {@code uint8} ({@code IntNode}).
 */
final class Values {
  /** Go's zero {@code reflect.Value}: the data an empty range body is evaluated against. */
  static final JsonNode INVALID = MissingNode.getInstance();

  private Values() {}

  /** The members of an object (document order) or array, or the UTF-8 bytes of a string; otherwise none. */
  static List<JsonNode> children(JsonNode value) {
    if (value.isContainerNode()) {
      List<JsonNode> out = new ArrayList<>(value.size());
      value.elements().forEachRemaining(out::add);
      return out;
    }
    if (value.isTextual()) {
      byte[] bytes = value.textValue().getBytes(StandardCharsets.UTF_8);
      List<JsonNode> out = new ArrayList<>(bytes.length);
      for (byte b : bytes) {
        out.add(IntNode.valueOf(b & 0xff));
      }
      return out;
    }
    return List.of();
  }

  /** Go's type name of a value, as {@code reflect.Type.String()} prints it. */
  static String goType(JsonNode value) {
    if (value.isObject()) {
      return "map[string]interface {}";
    } else if (value.isArray()) {
      return "[]interface {}";
    } else if (value.isTextual()) {
      return "string";
    } else if (value.isBoolean()) {
      return "bool";
    } else if (value.isLong()) {
      return "int";
    } else if (value.isInt()) {
      return "uint8";
    } else if (value.isNumber()) {
      return "float64";
    }
    return "<nil>";
  }

  /** The value as Go's {@code fmt} {@code %v} prints it (used in client-go's filter error). */
  static String goFormat(JsonNode value) {
    StringBuilder out = new StringBuilder();
    appendGoFormat(out, value);
    return out.toString();
  }

  private static void appendGoFormat(StringBuilder out, JsonNode value) {
    if (value.isMissingNode()) {
      out.append("<invalid reflect.Value>");
    } else if (value.isNull()) {
      out.append("<nil>");
    } else if (value.isObject()) {
      out.append("map[");
      List<String> keys = new ArrayList<>();
      value.fieldNames().forEachRemaining(keys::add);
      keys.sort(GoText::compareStrings);
      for (int i = 0; i < keys.size(); i++) {
        out.append(i == 0 ? "" : " ").append(keys.get(i)).append(':');
        appendGoFormat(out, value.get(keys.get(i)));
      }
      out.append(']');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : " ");
        appendGoFormat(out, value.get(i));
      }
      out.append(']');
    } else if (value.isTextual()) {
      out.append(value.textValue());
    } else if (value.isDouble()) {
      out.append(GoText.formatV(value.doubleValue()));
    } else {
      out.append(value.asText());
    }
  }

  /**
   * The value as plain Java, as Argo's {@code result} sees it: Double for JSON numbers, Long for integer literals and
   * bytes, String, Boolean, an unmodifiable List or Map (document order, null members kept), or null.
   */
  static @Nullable Object toJava(JsonNode value) {
    if (value.isObject()) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      value.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
      return Collections.unmodifiableMap(map);
    } else if (value.isArray()) {
      List<@Nullable Object> list = new ArrayList<>(value.size());
      value.elements().forEachRemaining(e -> list.add(toJava(e)));
      return Collections.unmodifiableList(list);
    } else if (value.isTextual()) {
      return value.textValue();
    } else if (value.isBoolean()) {
      return value.booleanValue();
    } else if (value.isDouble()) {
      return value.doubleValue();
    } else if (value.isIntegralNumber()) {
      return value.longValue();
    }
    return null;
  }
}
