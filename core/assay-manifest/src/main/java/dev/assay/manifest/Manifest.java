/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import dev.assay.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document read from a manifest: the typed resource, the fields that were ignored because the Argo schema does
 * not define them (when reading leniently, and inside {@code status}), and where each field was in the source (to point people at the line of a problem). Immutable.
 *
 * @param resource the typed resource
 * @param documentIndex the document's index in the source, from 0
 * @param unknownFields fields that were ignored, in source order, never null
 * @param positions field path (such as {@code spec.metrics[0].interval}) to position, never null
 */
public record Manifest(
    Resource resource, int documentIndex, List<UnknownField> unknownFields, Map<String, SourcePosition> positions) {
  /**
   * Validates and copies the components.
   *
   * @param resource the typed resource
   * @param documentIndex the document's index in the source, from 0
   * @param unknownFields fields that were dropped, in source order, never null
   * @param positions field path (such as {@code spec.metrics[0].interval}) to position, never null
   */
  public Manifest {
    Objects.requireNonNull(resource, "resource");
    unknownFields = List.copyOf(unknownFields);
    positions = Map.copyOf(positions);
  }

  /**
   * Where a field is in the source. A path relative to the spec (as validation errors give them, for example
   * {@code metrics[2].interval}) is also looked up under {@code spec.}; when the exact field is absent, the nearest
   * enclosing field that exists is used (but not a whole top-level section such as {@code spec}).
   *
   * @param fieldPath the field's path
   * @return its position, or empty when neither it nor an enclosing field is in the source
   */
  public Optional<SourcePosition> position(String fieldPath) {
    for (String candidate : List.of(fieldPath, "spec." + fieldPath)) {
      SourcePosition exact = positions.get(candidate);
      if (exact != null) {
        return Optional.of(exact);
      }
      // Enclosing fields, but never a whole top-level section such as "spec".
      for (String path = parent(candidate); !parent(path).isEmpty(); path = parent(path)) {
        SourcePosition p = positions.get(path);
        if (p != null) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Fails when a field was ignored (also inside {@code status}), for callers that read leniently and then want to
   * insist.
   *
   * @return this manifest
   * @throws ManifestException naming every ignored field and its position
   */
  public Manifest requireNoUnknownFields() {
    if (!unknownFields.isEmpty()) {
      List<ManifestProblem> problems = new java.util.ArrayList<>();
      for (UnknownField f : unknownFields) {
        problems.add(new ManifestProblem(f.path(), f.position(), "unknown field", f.hint()));
      }
      throw new ManifestException(problems, documentIndex);
    }
    return this;
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  @Override
  public String toString() {
    return "Manifest[" + resource.kind() + " " + resource.metadata().name() + ", document " + documentIndex
        + ", unknownFields=" + unknownFields.size() + "]";
  }
}
