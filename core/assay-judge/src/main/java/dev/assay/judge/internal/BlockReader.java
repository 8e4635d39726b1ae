/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import dev.assay.judge.JudgeSpecException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Typed, path-naming reads from one map of a judge block. Values may be YAML scalars or, after argument
 * substitution ({@code margin: "{{args.margin}}"}), their text. Not thread-safe; one per read. Not API; may change.
 */
public final class BlockReader {
  private final String path;
  private final Map<String, Object> values;

  /**
   * A reader over a map.
   *
   * @param path the map's path for messages, for example {@code assay/judge}
   * @param raw the map
   * @param allowed the keys it may hold; others are rejected so typos fail loudly
   */
  public BlockReader(String path, Map<?, ?> raw, Set<String> allowed) {
    this.path = path;
    this.values = new LinkedHashMap<>();
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!allowed.contains(key)) {
        unknown.add(key);
      }
      if (e.getValue() != null) {
        values.put(key, e.getValue());
      }
    }
    if (!unknown.isEmpty()) {
      throw new JudgeSpecException(path + " has unknown key(s) " + unknown + "; known keys are "
          + new TreeSet<>(allowed));
    }
  }

  /**
   * Whether a key is set.
   *
   * @param key the key
   * @return true when present with a non-null value
   */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * The path of a key, for messages.
   *
   * @param key the key
   * @return {@code path.key}
   */
  public String pathOf(String key) {
    return path + "." + key;
  }

  /**
   * A nested map.
   *
   * @param key the key
   * @return the map, or null when absent
   */
  public @Nullable Map<?, ?> map(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map)) {
      throw wrongType(key, "a map", v);
    }
    return (Map<?, ?>) v;
  }

  /**
   * A text value.
   *
   * @param key the key
   * @param fallback the value when absent
   * @return the text
   */
  public String text(String key, String fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map || v instanceof Iterable) {
      throw wrongType(key, "text", v);
    }
    return String.valueOf(v).strip();
  }

  /**
   * A number; text is parsed as a decimal number.
   *
   * @param key the key
   * @param fallback the value when absent
   * @return the number
   */
  public double number(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      try {
        return Double.parseDouble(((String) v).strip());
      } catch (NumberFormatException e) {
        throw wrongType(key, "a number", v);
      }
    }
    throw wrongType(key, "a number", v);
  }

  /**
   * A boolean; text must be {@code true} or {@code false}.
   *
   * @param key the key
   * @param fallback the value when absent
   * @return the boolean
   */
  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    String s = String.valueOf(v).strip();
    if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
      return Boolean.parseBoolean(s);
    }
    throw wrongType(key, "true or false", v);
  }

  /**
   * An exception naming a key and what was wrong with its value.
   *
   * @param key the key
   * @param problem what the value must be, for example {@code "must be > 0"}
   * @return the exception
   */
  public JudgeSpecException invalid(String key, String problem) {
    return new JudgeSpecException(pathOf(key) + " " + problem);
  }

  private JudgeSpecException wrongType(String key, String expected, Object v) {
    String shown = v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    return new JudgeSpecException(
        pathOf(key) + " must be " + expected + ", but was " + Objects.toString(shown));
  }
}
