/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A compiled Kubernetes JSONPath template ({@code {$.data.ok}}, {@code {.items[?(@.name=="a")].value}},
 * {@code {range .items[*]}{.x}{end}}). Immutable and thread-safe; {@link #compile(String)} caches by text.
 *
 * <p>Evaluation follows client-go's {@code FindResults}: each top-level node yields a list of values (text outside
 * braces yields itself), and {@link #firstValue(JsonNode)} picks the first value of the first non-empty list, as
 * Argo's Web provider does. Object members are visited in document order (Go visits map entries in random order).
 */
public final class JsonPathTemplate {
  private static final int CACHE_LIMIT = 512;
  private static final Map<String, JsonPathTemplate> CACHE = new ConcurrentHashMap<>();

  private final String text;
  private final List<PathNode> nodes;

  private JsonPathTemplate(String text, List<PathNode> nodes) {
    this.text = text;
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Parses a template, or returns the cached parse of the same text.
   *
   * @param text the template
   * @return the compiled template
   * @throws JsonPathException with client-go's message when the text does not parse
   */
  public static JsonPathTemplate compile(String text) {
    Objects.requireNonNull(text, "text");
    JsonPathTemplate cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    JsonPathTemplate compiled = new JsonPathTemplate(text, JsonPathParser.parse(text));
    if (CACHE.size() >= CACHE_LIMIT) {
      // Templates come from metric definitions, so a full cache means unusual churn: start over rather than track age.
      CACHE.clear();
    }
    CACHE.put(text, compiled);
    return compiled;
  }

  /**
   * The template text.
   *
   * @return the text as compiled
   */
  public String text() {
    return text;
  }

  /**
   * Evaluates the template: one list of values per top-level node (a range contributes one list per iteration).
   *
   * @param data the decoded document
   * @return the values, never null
   * @throws JsonPathException with client-go's message when the data does not fit the template
   */
  public List<List<JsonNode>> findResults(JsonNode data) {
    List<List<JsonNode>> results = new ArrayList<>();
    run(0, data, false, results);
    return results;
  }

  /**
   * The first value the template yields, as Argo's Web provider uses it.
   *
   * @param data the decoded document
   * @return the first value, or empty when the template yields nothing
   * @throws JsonPathException with client-go's message when the data does not fit the template
   */
  public Optional<JsonNode> firstValue(JsonNode data) {
    for (List<JsonNode> values : findResults(data)) {
      if (!values.isEmpty()) {
        return Optional.of(values.get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * Converts a value the template yielded to the plain Java value Argo's {@code result} holds.
   *
   * @param value a value from {@link #firstValue(JsonNode)}
   * @return Double, Long, String, Boolean, an unmodifiable List or Map, or null
   */
  public static @Nullable Object toJava(JsonNode value) {
    return Values.toJava(value);
  }

  /** Runs nodes from {@code from} on {@code data}; returns the index of the {@code end} that closed the block. */
  private int run(int from, JsonNode data, boolean inRange, List<List<JsonNode>> results) {
    List<JsonNode> current = List.of(data);
    for (int i = from; i < nodes.size(); i++) {
      PathNode node = nodes.get(i);
      if (node instanceof PathNode.Sequence && ((PathNode.Sequence) node).hasIdentifier("end")) {
        if (!inRange) {
          throw new JsonPathException("not in range, nothing to end");
        }
        return i;
      }
      List<JsonNode> values = node.apply(current);
      if (node instanceof PathNode.Sequence && ((PathNode.Sequence) node).hasIdentifier("range")) {
        int end = nodes.size();
        if (values.isEmpty()) {
          // client-go still walks the body (on no data) to find its end, so errors in it surface.
          end = run(i + 1, Values.INVALID, true, new ArrayList<>());
        }
        for (JsonNode value : values) {
          end = run(i + 1, value, true, results);
        }
        i = end;
        continue;
      }
      results.add(values);
    }
    return nodes.size();
  }

  @Override
  public String toString() {
    return "JsonPathTemplate[" + text + "]";
  }
}
