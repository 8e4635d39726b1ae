/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed template. Each node maps the current values to new ones, as client-go's {@code walk} does;
 * {@link Values#INVALID} stands for Go's zero {@code reflect.Value} (the data of an empty range).
 */
sealed interface PathNode
    permits PathNode.Text, PathNode.Sequence, PathNode.Field, PathNode.Wildcard, PathNode.Recursive,
        PathNode.Union, PathNode.IntLiteral, PathNode.FloatLiteral, PathNode.BoolLiteral, PathNode.Identifier,
        SliceNode, FilterNode {

  /**
   * Applies this node to the current values.
   *
   * @param input the current values, never modified
   * @return the new values
   * @throws JsonPathException when the data does not fit (missing key, index out of range, ...)
   */
  List<JsonNode> apply(List<JsonNode> input);

  /** Literal text: outside braces, or a quoted string inside them. Yields itself whatever the input. */
  record Text(String text) implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      return List.of(TextNode.valueOf(text));
    }
  }

  /** The nodes between one pair of braces (or of a union member or filter side), applied in turn. */
  record Sequence(List<PathNode> nodes) implements PathNode {
    public Sequence {
      nodes = List.copyOf(nodes);
    }

    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      List<JsonNode> current = input;
      for (PathNode node : nodes) {
        current = node.apply(current);
      }
      return current;
    }

    boolean hasIdentifier(String name) {
      for (PathNode node : nodes) {
        if (node instanceof Identifier && ((Identifier) node).name().equals(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code .key} or {@code ['key']}: the value under a key of each object; a key found nowhere is an error. */
  record Field(String key) implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      if (input.isEmpty()) {
        return List.of();
      }
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode value : input) {
        if (value.isObject() && value.has(key)) {
          out.add(value.get(key));
        }
      }
      if (out.isEmpty()) {
        throw new JsonPathException(key + " is not found");
      }
      return out;
    }
  }

  /** {@code .*}: every member of each object or array (document order), or every byte of a string. */
  record Wildcard() implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode value : input) {
        out.addAll(Values.children(value));
      }
      return out;
    }
  }

  /** {@code ..}: each value that has children, followed by all of its descendants that have children. */
  record Recursive() implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode value : input) {
        List<JsonNode> children = Values.children(value);
        if (!children.isEmpty()) {
          out.add(value);
          out.addAll(apply(children));
        }
      }
      return out;
    }
  }

  /** {@code [a,b]}: the results of each member, concatenated. */
  record Union(List<Sequence> members) implements PathNode {
    public Union {
      members = List.copyOf(members);
    }

    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      List<JsonNode> out = new ArrayList<>();
      for (Sequence member : members) {
        out.addAll(member.apply(input));
      }
      return out;
    }
  }

  /** An integer literal ({@code 5}); yields one value per input value. */
  record IntLiteral(long value) implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      return Collections.nCopies(input.size(), LongNode.valueOf(value));
    }
  }

  /** A float literal ({@code 1.5}); yields one value per input value. */
  record FloatLiteral(double value) implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      return Collections.nCopies(input.size(), DoubleNode.valueOf(value));
    }
  }

  /** {@code true} or {@code false}; yields one value per input value. */
  record BoolLiteral(boolean value) implements PathNode {
    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      return Collections.nCopies(input.size(), BooleanNode.valueOf(value));
    }
  }

  /**
   * A bare word. {@code range} passes its input through and {@code end} yields nothing (the template handles the
   * loop); any other word is an error when evaluated, as in client-go.
   */
  record Identifier(String name) implements PathNode {
    private static final Map<String, Boolean> KEYWORDS = Map.of("range", true, "end", false);

    @Override
    public List<JsonNode> apply(List<JsonNode> input) {
      Boolean passes = KEYWORDS.get(name);
      if (passes == null) {
        throw new JsonPathException("unrecognized identifier " + name);
      }
      return passes ? input : List.of();
    }
  }
}
