/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits YAML or JSON text into document trees and records where every field and list element starts, keyed by its
 * path ({@code spec.metrics[0].interval}). Jackson trees carry no positions, so this reads the token stream itself.
 * Not API; may change.
 */
public final class SourceTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MAX_ALIAS_EXPANSION = 100_000;
  private static final Pattern YAML_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\b[^>]*>");

  /**
   * One document of the source.
   *
   * @param tree the document's tree
   * @param positions path to position of each field and list element
   * @param index the document's index in the source, from 0
   */
  public record Document(JsonNode tree, Map<String, SourcePosition> positions, int index) {}

  private SourceTrees() {}

  /**
   * Reads every document of a text; empty documents are skipped (their index is still counted).
   *
   * @param text YAML (one or more documents) or JSON (one or more root values)
   * @return the documents
   * @throws ManifestException on a syntax error, with its position
   */
  public static List<Document> read(String text) {
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    if (!looksLikeJson(body)) {
      return read(body, ModelMappers.YAML);
    }
    try {
      return read(body, ModelMappers.JSON);
    } catch (ManifestException jsonProblem) {
      // YAML flow style ({kind: AnalysisTemplate, ...}) also starts with a brace.
      try {
        return read(body, ModelMappers.YAML);
      } catch (ManifestException yamlProblem) {
        throw jsonProblem;
      }
    }
  }

  private static List<Document> read(String body, ObjectMapper mapper) {
    List<Document> docs = new ArrayList<>();
    int index = 0;
    try (JsonParser p = mapper.getFactory().createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        Map<String, SourcePosition> positions = new HashMap<>();
        JsonNode tree = new Reader(p, positions).value(t, "");
        // An empty document (such as after a trailing ---) reads as null or as an empty scalar.
        if (!tree.isNull() && !(tree.isTextual() && tree.asText().isEmpty())) {
          docs.add(new Document(tree, positions, index));
        }
        index++;
      }
    } catch (ManifestException e) {
      throw new ManifestException(e.problem(), e.fieldPath(), e.position().orElse(null), index);
    } catch (JsonProcessingException e) {
      throw new ManifestException(syntaxProblem(e.getOriginalMessage()), "", position(e.getLocation()), index);
    } catch (IOException e) {
      throw new ManifestException("cannot read input: " + e.getMessage(), "", null, index);
    }
    return docs;
  }

  /** Builds one document's tree, expanding YAML anchors, aliases and merge keys ({@code <<}). */
  private static final class Reader {
    private final JsonParser p;
    private final Map<String, SourcePosition> positions;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private long expanded;

    Reader(JsonParser p, Map<String, SourcePosition> positions) {
      this.p = p;
      this.positions = positions;
    }

    JsonNode value(JsonToken t, String path) throws IOException {
      YAMLParser yaml = p instanceof YAMLParser ? (YAMLParser) p : null;
      if (yaml != null && yaml.isCurrentAlias()) {
        String alias = yaml.getText();
        JsonNode target = anchors.get(alias);
        if (target == null) {
          throw new ManifestException("unknown alias *" + alias, path, position(p.currentTokenLocation()), -1);
        }
        // Aliases of aliases grow exponentially ("billion laughs"); cap what they may expand to.
        expanded += anchorSizes.get(alias);
        if (expanded > MAX_ALIAS_EXPANSION) {
          throw new ManifestException("aliases expand to more than " + MAX_ALIAS_EXPANSION + " values", path,
              position(p.currentTokenLocation()), -1);
        }
        return target.deepCopy();
      }
      Object anchor = yaml == null ? null : yaml.getObjectId();
      JsonNode node = plain(t, path);
      if (anchor != null) {
        anchors.put(anchor.toString(), node);
        anchorSizes.put(anchor.toString(), size(node));
      }
      return node;
    }

    private JsonNode plain(JsonToken t, String path) throws IOException {
      switch (t) {
        case START_OBJECT:
          ObjectNode obj = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = path.isEmpty() ? name : path + "." + name;
            record(positions, child, p.currentTokenLocation());
            obj.set(name, value(p.nextToken(), child));
          }
          return merge(obj);
        case START_ARRAY:
          ArrayNode arr = NODES.arrayNode();
          JsonToken item;
          int i = 0;
          while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            String child = path + "[" + i++ + "]";
            record(positions, child, p.currentTokenLocation());
            arr.add(value(item, child));
          }
          return arr;
        default:
          return scalar(p, t);
      }
    }

    private static long size(JsonNode node) {
      long n = 1;
      for (JsonNode child : node) {
        n += size(child);
      }
      return n;
    }

    /** YAML merge keys: fields of {@code <<: *base} (or a list of bases) that the mapping does not set itself. */
    private static ObjectNode merge(ObjectNode obj) {
      JsonNode bases = obj.remove("<<");
      if (bases == null) {
        return obj;
      }
      ObjectNode merged = NODES.objectNode();
      for (JsonNode base : bases.isArray() ? bases : NODES.arrayNode().add(bases)) {
        if (base.isObject()) {
          base.properties().forEach(e -> {
            if (!obj.has(e.getKey()) && !merged.has(e.getKey())) {
              merged.set(e.getKey(), e.getValue().deepCopy());
            }
          });
        }
      }
      merged.setAll(obj);
      return merged;
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_EMBEDDED_OBJECT:
        Object embedded = p.getEmbeddedObject();
        return embedded == null ? NODES.nullNode() : NODES.textNode(String.valueOf(embedded));
      default:
        return NODES.nullNode();
    }
  }

  private static void record(Map<String, SourcePosition> positions, String path, JsonLocation location) {
    SourcePosition position = position(location);
    if (position != null) {
      positions.putIfAbsent(path, position);
    }
  }

  static @Nullable SourcePosition position(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
      return null;
    }
    return new SourcePosition(location.getLineNr(), location.getColumnNr());
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /**
   * A parser's message without source snippets and Jackson's location suffix: for YAML the context and problem lines
   * ({@code while parsing a flow node: expected the node content, but found '<stream end>'}).
   */
  static String syntaxProblem(@Nullable String message) {
    if (message == null) {
      return "invalid input";
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        out.append(out.length() == 0 ? "" : ": ").append(line.trim());
      }
    }
    String text = out.length() == 0 ? firstLine(message) : out.toString();
    // SnakeYAML names its parser events by class ("<org.yaml.snakeyaml.events.MappingStartEvent(...)>").
    Matcher event = YAML_EVENT.matcher(text);
    StringBuilder readable = new StringBuilder();
    while (event.find()) {
      String kind = event.group(1);
      String word = kind.startsWith("Mapping") ? "a mapping" : kind.startsWith("Sequence") ? "a list"
          : kind.equals("Alias") ? "an alias" : kind.equals("Scalar") ? "a value" : "the end of a document";
      event.appendReplacement(readable, Matcher.quoteReplacement(word));
    }
    event.appendTail(readable);
    text = readable.toString();
    int cut = text.indexOf(" (for ");
    int source = text.indexOf(" at [Source");
    if (source >= 0 && (cut < 0 || source < cut)) {
      cut = source;
    }
    return cut < 0 ? text : text.substring(0, cut);
  }

  static String firstLine(@Nullable String message) {
    if (message == null) {
      return "invalid input";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
