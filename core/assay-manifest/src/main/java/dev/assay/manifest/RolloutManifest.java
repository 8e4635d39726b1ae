/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Argo {@code Rollout} document, read strictly by {@link ManifestReader#readRollout(String)}: the parts a canary
 * plan reads ({@code spec.strategy.canary} and its steps) were checked against Argo's schema. Immutable: the tree
 * is copied on the way out.
 */
public final class RolloutManifest {
  private final JsonNode tree;
  private final int documentIndex;
  private final Map<String, SourcePosition> positions;

  RolloutManifest(JsonNode tree, int documentIndex, Map<String, SourcePosition> positions) {
    this.tree = Objects.requireNonNull(tree, "tree").deepCopy();
    this.documentIndex = documentIndex;
    this.positions = Map.copyOf(positions);
  }

  /**
   * The document as a tree.
   *
   * @return a copy of the tree
   */
  public JsonNode tree() {
    return tree.deepCopy();
  }

  /**
   * The index of the Rollout's document in the source, from 0.
   *
   * @return the index
   */
  public int documentIndex() {
    return documentIndex;
  }

  /**
   * Where a field is in the source, or its nearest enclosing field.
   *
   * @param fieldPath a path such as {@code spec.strategy.canary.steps[2].analysis}
   * @return the position, or empty when neither it nor an enclosing field is in the source
   */
  public Optional<SourcePosition> position(String fieldPath) {
    for (String path = fieldPath; !path.isEmpty(); ) {
      SourcePosition p = positions.get(path);
      if (p != null) {
        return Optional.of(p);
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut <= 0 ? "" : path.substring(0, cut);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "RolloutManifest[" + tree.path("metadata").path("name").asText() + ", document " + documentIndex + "]";
  }
}
