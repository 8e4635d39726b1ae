/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A path to one value in a JSON body, such as {@code .version}, {@code $.build.version} or {@code .items[0].v}
 * ({@code {$.version}}, as Argo's web metrics write it, is accepted too). Found by streaming over the body, so a
 * value near the start of a body cut at its size limit is still found, and the rest is never parsed. Immutable.
 */
public final class JsonPath {
  private static final JsonFactory JSON = new JsonFactory();

  private final String text;
  private final List<Object> segments;

  private JsonPath(String text, List<Object> segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * Parses a path.
   *
   * @param path the path
   * @return the parsed path
   * @throws IllegalArgumentException saying where the path is wrong and how to write it
   */
  public static JsonPath parse(String path) {
    String p = path.strip();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1).strip();
    }
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    List<Object> segments = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < p.length() && isNameChar(p.charAt(i))) {
          i++;
        }
        if (i == start) {
          throw bad(path, p, i, "a field name after '.'");
        }
        segments.add(p.substring(start, i));
      } else if (c == '[') {
        int start = ++i;
        while (i < p.length() && Character.isDigit(p.charAt(i))) {
          i++;
        }
        if (i == start || i >= p.length() || p.charAt(i) != ']' || i - start > 6) {
          throw bad(path, p, i, "an array index such as [0]");
        }
        segments.add(Integer.parseInt(p.substring(start, i)));
        i++;
      } else {
        throw bad(path, p, i, "'.' or '['");
      }
    }
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("JSON path '" + path + "' names no field; write it as .version or "
          + ".build.version");
    }
    return new JsonPath(path.strip(), List.copyOf(segments));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static IllegalArgumentException bad(String path, String p, int at, String expected) {
    String found = at < p.length() ? "'" + p.charAt(at) + "'" : "the end";
    return new IllegalArgumentException("JSON path '" + path + "': expected " + expected + " but found " + found
        + " at character " + (at + 1) + "; write it as .version, .build.version or .items[0].version");
  }

  /**
   * What looking the path up in a body gave.
   *
   * @param value the value as text (a string's content, a number or boolean as written, {@code null}), or null
   *     when not found
   * @param problem why there is no value: {@code missing}, {@code not-a-value}, {@code not-json} or {@code cut};
   *     empty when found
   */
  public record Lookup(@Nullable String value, String problem) {}

  /**
   * Finds the value in a body.
   *
   * @param body the body, or its first bytes
   * @param cut whether {@code body} is only the start of a longer body
   * @return the value, or why there is none
   */
  public Lookup find(byte[] body, boolean cut) {
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return new Lookup(null, cut ? "cut" : "not-json");
      }
      for (Object segment : segments) {
        t = segment instanceof String ? field(parser, t, (String) segment) : element(parser, t, (Integer) segment);
        if (t == null) {
          return new Lookup(null, "missing");
        }
      }
      if (!t.isScalarValue() && t != JsonToken.VALUE_NULL) {
        return new Lookup(null, "not-a-value");
      }
      return new Lookup(t == JsonToken.VALUE_NULL ? "null" : parser.getText(), "");
    } catch (IOException e) {
      // A body cut at the limit ends in the middle of a token or structure; that is not a malformed body.
      return new Lookup(null, cut ? "cut" : "not-json");
    }
  }

  /** Moves into the object's member {@code name}; returns its first token, or null when there is none. */
  private static @Nullable JsonToken field(JsonParser parser, JsonToken t, String name) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      return null;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String current = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals(current)) {
        return value;
      }
      parser.skipChildren();
    }
    return null;
  }

  /** Moves into the array's element {@code index}; returns its first token, or null when there is none. */
  private static @Nullable JsonToken element(JsonParser parser, JsonToken t, int index) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      return null;
    }
    for (int i = 0;; i++) {
      JsonToken value = parser.nextToken();
      if (value == null || value == JsonToken.END_ARRAY) {
        return null;
      }
      if (i == index) {
        return value;
      }
      parser.skipChildren();
    }
  }

  /** The path as written. */
  @Override
  public String toString() {
    return text;
  }
}
