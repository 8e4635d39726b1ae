/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits YAML or JSON text into document trees and records where every field and list element starts, keyed by its
 * path ({@code spec.metrics[0].interval}). Jackson trees carry no positions, so this reads the token stream itself.
 * Not API; may change.
 */
public final class SourceTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

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
    boolean json = looksLikeJson(body);
    List<Document> docs = new ArrayList<>();
    int index = 0;
    try (JsonParser p = (json ? ModelMappers.JSON : ModelMappers.YAML).getFactory().createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        Map<String, SourcePosition> positions = new HashMap<>();
        JsonNode tree = value(p, t, "", positions);
        // An empty document (such as after a trailing ---) reads as null or as an empty scalar.
        if (!tree.isNull() && !(tree.isTextual() && tree.asText().isEmpty())) {
          docs.add(new Document(tree, positions, index));
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      throw new ManifestException(firstLine(e.getOriginalMessage()), "", position(e.getLocation()), index);
    } catch (IOException e) {
      throw new ManifestException("cannot read input: " + e.getMessage(), "", null, index);
    }
    return docs;
  }

  private static JsonNode value(JsonParser p, JsonToken t, String path, Map<String, SourcePosition> positions)
      throws IOException {
    switch (t) {
      case START_OBJECT:
        ObjectNode obj = NODES.objectNode();
        JsonToken field;
        while ((field = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          record(positions, child, p.currentTokenLocation());
          obj.set(name, value(p, p.nextToken(), child, positions));
        }
        return obj;
      case START_ARRAY:
        ArrayNode arr = NODES.arrayNode();
        JsonToken item;
        int i = 0;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          String child = path + "[" + i++ + "]";
          record(positions, child, p.currentTokenLocation());
          arr.add(value(p, item, child, positions));
        }
        return arr;
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

  static String firstLine(@Nullable String message) {
    if (message == null) {
      return "invalid input";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
