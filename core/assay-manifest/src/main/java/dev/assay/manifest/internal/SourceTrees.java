/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.ManifestProblem;
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
 * Limits ({@link ParseLimits}) are enforced as the parser reads; duplicate keys and {@code !!binary} values are
 * problems of the document (reported with the others, not thrown at once). Not API; may change.
 */
public final class SourceTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern YAML_EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\b[^>]*>");

  /**
   * One document of the source.
   *
   * @param tree the document's tree
   * @param positions path to position of each field and list element
   * @param index the document's index in the source, from 0
   * @param problems what is wrong in the document's text (duplicate keys, binary values), in source order
   */
  public record Document(JsonNode tree, Map<String, SourcePosition> positions, int index,
      List<ManifestProblem> problems) {
    /** Copies the problems. */
    public Document {
      problems = List.copyOf(problems);
    }
  }

  private SourceTrees() {}

  /**
   * Reads every document of a text under the default limits; see {@link #read(String, ParseLimits)}.
   *
   * @param text YAML or JSON
   * @return the documents
   */
  public static List<Document> read(String text) {
    return read(text, ParseLimits.DEFAULT);
  }

  /**
   * Reads every document of a text; empty documents are skipped (their index is still counted).
   *
   * @param text YAML (one or more documents) or JSON (one or more root values)
   * @param limits the limits to enforce while reading
   * @return the documents
   * @throws ManifestException on a syntax error or an exceeded limit, with its position
   */
  public static List<Document> read(String text, ParseLimits limits) {
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    if (!looksLikeJson(body)) {
      checkYamlSizes(body, limits);
      return read(body, limits.yamlFactory(), limits);
    }
    try {
      return read(body, limits.jsonFactory(), limits);
    } catch (ManifestException jsonProblem) {
      if (jsonProblem.problem().contains("(max")) {
        throw jsonProblem; // a limit: reading again as YAML would only take longer
      }
      // YAML flow style ({kind: AnalysisTemplate, ...}) also starts with a brace.
      try {
        return read(body, limits.yamlFactory(), limits);
      } catch (ManifestException yamlProblem) {
        throw jsonProblem;
      }
    }
  }

  private static List<Document> read(String body, JsonFactory factory, ParseLimits limits) {
    List<Document> docs = new ArrayList<>();
    int index = 0;
    Reader reader = null;
    try (JsonParser p = factory.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        reader = new Reader(p, limits, body);
        JsonNode tree = reader.value(t, "", 0);
        // An empty document (such as after a trailing ---) reads as null or as an empty scalar.
        if (!tree.isNull() && !(tree.isTextual() && tree.asText().isEmpty())) {
          docs.add(new Document(tree, reader.positions, index, reader.problems));
        }
        reader = null;
        index++;
      }
    } catch (ManifestException e) {
      throw new ManifestException(e.problems(), index);
    } catch (StreamConstraintsException e) {
      String path = reader == null ? "" : reader.path;
      SourcePosition where = position(e.getLocation());
      throw new ManifestException(limitProblem(e.getMessage(), limits), path,
          where != null || reader == null ? where : reader.pathPosition, index);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      boolean limit = message != null && message.contains("exceeds the limit");
      String path = limit && reader != null ? reader.path : "";
      throw new ManifestException(limit ? limitProblem(message, limits) : syntaxProblem(message), path,
          position(e.getLocation()), index);
    } catch (IOException e) {
      throw new ManifestException("cannot read input: " + e.getMessage(), "", null, index);
    }
    return docs;
  }

  /**
   * Checks document and line sizes before SnakeYAML reads the text. SnakeYAML checks its code point limit only
   * between tokens, and its reader copies its buffer each time a token grows by 1,024 characters, so a single long
   * token costs time quadratic in its length (an 8 MB scalar took 19 s). A line longer than a field name, a string
   * value and some indentation together cannot be valid, so it fails here, in one linear pass.
   */
  private static void checkYamlSizes(String text, ParseLimits limits) {
    long maxLine = (long) limits.maxStringChars() + limits.maxNameChars() + 1024;
    int line = 1;
    int lineStart = 0;
    int documentStart = 0;
    int documentLine = 1;
    int index = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != '\n') {
        continue;
      }
      if (i - lineStart > maxLine) {
        throw new ManifestException("line " + line + " has " + (i - lineStart) + " characters, more than a field "
            + "name and a string value may have (maxStringChars " + limits.maxStringChars() + ", maxNameChars "
            + limits.maxNameChars() + ")", "", new SourcePosition(line, 1), index);
      }
      boolean separator = text.startsWith("---", lineStart) && (lineStart + 3 >= text.length()
          || Character.isWhitespace(text.charAt(lineStart + 3)));
      if (separator || i == text.length()) {
        int end = separator ? lineStart : i;
        if (end - documentStart > limits.maxDocumentChars()) {
          throw new ManifestException("document exceeds the limit of " + limits.maxDocumentChars()
              + " characters (maxDocumentChars)", "", new SourcePosition(documentLine, 1), index);
        }
        if (separator) {
          documentStart = lineStart;
          documentLine = line;
          index = lineStart == 0 ? index : index + 1;
        }
      }
      line++;
      lineStart = i + 1;
    }
  }

  /** A limit's message, without Jackson's advice on how to raise it. */
  private static String limitProblem(@Nullable String message, ParseLimits limits) {
    String text = firstLine(message);
    if (text.startsWith("String value length")) {
      return "string exceeds the limit of " + limits.maxStringChars() + " characters (maxStringChars)";
    }
    if (text.startsWith("Name length")) {
      return "field name exceeds the limit of " + limits.maxNameChars() + " characters (maxNameChars)";
    }
    if (text.contains("nesting depth")) {
      return "nesting depth exceeds the limit of " + limits.maxDepth() + " (maxDepth)";
    }
    if (text.startsWith("Number value length") || text.startsWith("Number length")) {
      return "number exceeds the limit of " + ParseLimits.MAX_NUMBER_DIGITS + " digits (maxNumberDigits)";
    }
    return "document exceeds the limit of " + limits.maxDocumentChars() + " characters (maxDocumentChars)";
  }

  /**
   * Builds one document's tree, expanding YAML anchors, aliases and merge keys ({@code <<}), and checks the
   * limits the factory cannot (depth with a path, string and name length for YAML).
   */
  private static final class Reader {
    private final JsonParser p;
    private final ParseLimits limits;
    /** The source text, to read the anchors of YAML scalars. */
    private final String text;
    final Map<String, SourcePosition> positions = new HashMap<>();
    final List<ManifestProblem> problems = new ArrayList<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    /** The path being read and where it starts, for errors the parser raises. */
    String path = "";
    @Nullable SourcePosition pathPosition;
    private long expanded;

    Reader(JsonParser p, ParseLimits limits, String text) {
      this.p = p;
      this.limits = limits;
      this.text = text;
    }

    JsonNode value(JsonToken t, String at, int depth) throws IOException {
      path = at;
      pathPosition = position(p.currentTokenLocation());
      YAMLParser yaml = p instanceof YAMLParser ? (YAMLParser) p : null;
      if (yaml != null && yaml.isCurrentAlias()) {
        String alias = yaml.getText();
        JsonNode target = anchors.get(alias);
        if (target == null) {
          throw new ManifestException("unknown alias *" + alias, at, position(p.currentTokenLocation()), -1);
        }
        // Aliases of aliases grow exponentially ("billion laughs"); cap what they may expand to.
        expanded += anchorSizes.get(alias);
        if (expanded > limits.maxAliasExpansion()) {
          throw new ManifestException("aliases expand to more than " + limits.maxAliasExpansion()
              + " values (maxAliasExpansion)", at, position(p.currentTokenLocation()), -1);
        }
        return target.deepCopy();
      }
      Object anchor = yaml == null ? null : yaml.getObjectId();
      if (yaml != null && anchor == null && t.isScalarValue()) {
        anchor = scalarAnchor(p.currentTokenLocation());
      }
      JsonNode node = plain(t, at, depth);
      if (anchor != null) {
        anchors.put(anchor.toString(), node);
        anchorSizes.put(anchor.toString(), size(node));
      }
      return node;
    }

    private JsonNode plain(JsonToken t, String at, int depth) throws IOException {
      if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= limits.maxDepth()) {
        throw new ManifestException("nesting depth exceeds the limit of " + limits.maxDepth() + " (maxDepth)", at,
            position(p.currentTokenLocation()), -1);
      }
      switch (t) {
        case START_OBJECT:
          ObjectNode obj = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            checkLength(name, limits.maxNameChars(), "field name", "maxNameChars", at);
            String child = at.isEmpty() ? name : at + "." + name;
            SourcePosition where = position(p.currentTokenLocation());
            JsonNode value = value(p.nextToken(), child, depth + 1);
            if (obj.has(name)) {
              SourcePosition first = positions.get(child);
              problems.add(new ManifestProblem(child, where == null ? SourcePosition.UNKNOWN : where,
                  "duplicate key '" + name + "'", first == null ? "remove one of them"
                      : "first given at " + first.line() + ":" + first.column() + "; remove one of them"));
            } else {
              if (where != null) {
                positions.put(child, where);
              }
              obj.set(name, value);
            }
          }
          return merge(obj);
        case START_ARRAY:
          ArrayNode arr = NODES.arrayNode();
          JsonToken item;
          int i = 0;
          while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            String child = at + "[" + i++ + "]";
            record(positions, child, p.currentTokenLocation());
            arr.add(value(item, child, depth + 1));
          }
          return arr;
        case VALUE_EMBEDDED_OBJECT:
          problems.add(new ManifestProblem(at, orUnknown(position(p.currentTokenLocation())),
              "binary values (!!binary) are not allowed", "write the value as a string"));
          return NODES.nullNode();
        case VALUE_STRING:
          checkLength(p.getText(), limits.maxStringChars(), "string", "maxStringChars", at);
          return NODES.textNode(p.getText());
        default:
          return scalar(p, t);
      }
    }

    /**
     * Jackson's YAML parser reports the anchors of mappings and sequences but not of scalars ({@code &every 30s});
     * a scalar's location is where its properties start, so the anchor is read from the text there.
     */
    private @Nullable String scalarAnchor(JsonLocation location) {
      long offset = location.getCharOffset();
      if (offset < 0 || offset >= text.length()) {
        return null;
      }
      int i = (int) offset;
      while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
        int start = i;
        while (i < text.length() && !isAnchorEnd(text.charAt(i))) {
          i++;
        }
        if (text.charAt(start) == '&') {
          return text.substring(start + 1, i);
        }
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
      }
      return null;
    }

    private static boolean isAnchorEnd(char c) {
      return Character.isWhitespace(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    private void checkLength(String text, int limit, String what, String setting, String at) {
      if (text.length() > limit) {
        throw new ManifestException(what + " of " + text.length() + " characters exceeds the limit of " + limit
            + " (" + setting + ")", at, position(p.currentTokenLocation()), -1);
      }
    }

    private static SourcePosition orUnknown(@Nullable SourcePosition p) {
      return p == null ? SourcePosition.UNKNOWN : p;
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
