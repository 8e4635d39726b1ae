/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.assay.manifest.Manifest;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.ManifestProblem;
import dev.assay.manifest.SourcePosition;
import dev.assay.manifest.UnknownField;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.ObjectMeta;
import dev.assay.model.Resource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns document trees into typed resources, mapping every Jackson failure to a {@link ManifestException}. */
public final class ModelReader {
  private static final Map<String, Class<? extends Resource>> KINDS = Map.of(
      AnalysisTemplate.KIND, AnalysisTemplate.class,
      ClusterAnalysisTemplate.KIND, ClusterAnalysisTemplate.class,
      AnalysisRun.KIND, AnalysisRun.class);

  /** Problems with a known position first by line and column, then those without one, each in path order. */
  private static final Comparator<ManifestProblem> IN_SOURCE_ORDER = Comparator
      .comparing((ManifestProblem p) -> !p.position().isKnown())
      .thenComparingInt(p -> p.position().line())
      .thenComparingInt(p -> p.position().column())
      .thenComparing(ManifestProblem::path);

  private ModelReader() {}

  /**
   * Problems sorted as they appear in the source: by line and column, those without a position last.
   *
   * @param problems the problems
   * @return a sorted copy
   */
  public static List<ManifestProblem> inSourceOrder(List<ManifestProblem> problems) {
    List<ManifestProblem> sorted = new ArrayList<>(problems);
    sorted.sort(IN_SOURCE_ORDER);
    return sorted;
  }

  /**
   * The supported resource type of a kind.
   *
   * @param kind the kind
   * @return the type, or empty for other kinds
   */
  public static Optional<Class<? extends Resource>> typeOf(String kind) {
    return Optional.ofNullable(KINDS.get(kind));
  }

  /**
   * Reads one document as a typed resource, strictly and accepting only Argo's provider keys.
   *
   * @param doc the document
   * @param type the resource type
   * @return the manifest
   * @throws ManifestException listing every problem of the document
   */
  public static Manifest read(SourceTrees.Document doc, Class<? extends Resource> type) {
    return read(doc, type, true);
  }

  /**
   * Reads one document as a typed resource. Every problem of the document is collected before failing: problems
   * of the text (duplicate keys, binary values), values of the wrong type and, when strict, fields the Argo schema
   * does not define. Unknown fields inside {@code status} are never an error: they are returned as ignored.
   *
   * @param doc the document
   * @param type the resource type
   * @param strict whether unknown fields outside {@code status} are errors (else they are returned as ignored)
   * @return the manifest, with the ignored fields
   * @throws ManifestException listing every problem of the document, in source order
   */
  public static Manifest read(SourceTrees.Document doc, Class<? extends Resource> type, boolean strict) {
    SchemaChecker.Result checked = SchemaChecker.check(doc.tree(), type, doc.positions());
    List<ManifestProblem> problems = new ArrayList<>(doc.problems());
    problems.addAll(checked.errors());
    List<ManifestProblem> ignored = new ArrayList<>();
    (strict ? problems : ignored).addAll(checked.unknown());
    ignored.addAll(checked.unknownInStatus());
    if (!problems.isEmpty()) {
      throw new ManifestException(inSourceOrder(problems), doc.index());
    }
    ObjectReader reader = ModelMappers.JSON.readerFor(type);
    try {
      Resource resource = withSourceOrder(reader.readValue(doc.tree()), doc.tree().get("metadata"));
      List<UnknownField> unknown = new ArrayList<>();
      ignored.sort(IN_SOURCE_ORDER);
      for (ManifestProblem p : ignored) {
        unknown.add(new UnknownField(p.path(), p.position(), p.hint()));
      }
      return new Manifest(resource, doc.index(), unknown, doc.positions());
    } catch (JsonMappingException e) {
      String path = path(e.getPath());
      throw new ManifestException(problem(e), path, nearest(doc.positions(), path), doc.index());
    } catch (IOException e) {
      throw new ManifestException(SourceTrees.firstLine(e.getMessage()), "", null, doc.index());
    }
  }

  /**
   * The fields of a tree that a model type does not define (outside the places its schema leaves open), without
   * positions.
   *
   * @param tree the tree
   * @param type the model type
   * @return the unknown fields, with "did you mean" hints
   */
  public static List<ManifestProblem> unknownFields(JsonNode tree, Class<?> type) {
    return SchemaChecker.check(tree, type, Map.of()).unknown();
  }

  /**
   * Converts a tree to a model type, for values that are not whole documents.
   *
   * @param tree the tree
   * @param type the type
   * @param <T> the type
   * @return the value
   * @throws ManifestException when the tree does not fit the type
   */
  public static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return ModelMappers.JSON.readerFor(type).readValue(tree);
    } catch (JsonMappingException e) {
      throw new ManifestException(problem(e), path(e.getPath()), null, -1);
    } catch (IOException e) {
      throw new ManifestException(SourceTrees.firstLine(e.getMessage()), "", null, -1);
    }
  }

  /**
   * Jackson hands a creator's any-setter its fields in no particular order; put the extra metadata fields back in
   * source order so that a manifest from a cluster writes back looking the same.
   */
  private static Resource withSourceOrder(Resource resource, @Nullable JsonNode metadataNode) {
    ObjectMeta meta = resource.metadata();
    if (meta.other().size() < 2 || metadataNode == null) {
      return resource;
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    metadataNode.fieldNames().forEachRemaining(name -> {
      if (meta.other().containsKey(name)) {
        ordered.put(name, meta.other().get(name));
      }
    });
    ordered.putAll(meta.other());
    ObjectMeta sorted = new ObjectMeta(meta.name(), meta.namespace(), meta.uid(), meta.labels(), meta.annotations(),
        ordered);
    if (resource instanceof AnalysisTemplate) {
      AnalysisTemplate t = (AnalysisTemplate) resource;
      return new AnalysisTemplate(t.apiVersion(), t.kind(), sorted, t.spec());
    }
    if (resource instanceof ClusterAnalysisTemplate) {
      ClusterAnalysisTemplate t = (ClusterAnalysisTemplate) resource;
      return new ClusterAnalysisTemplate(t.apiVersion(), t.kind(), sorted, t.spec());
    }
    AnalysisRun r = (AnalysisRun) resource;
    return new AnalysisRun(r.apiVersion(), r.kind(), sorted, r.spec(), r.status());
  }

  private static String problem(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (e instanceof ValueInstantiationException && cause instanceof NullPointerException) {
      return "missing required field '" + cause.getMessage() + "'";
    }
    if (e instanceof ValueInstantiationException && cause != null) {
      return "invalid value: " + SourceTrees.firstLine(cause.getMessage());
    }
    if (e instanceof InvalidFormatException) {
      return "invalid value " + quoted(((InvalidFormatException) e).getValue()) + ": "
          + SourceTrees.firstLine(e.getOriginalMessage()).replaceFirst("^.*?: ", "");
    }
    if (e instanceof MismatchedInputException && ((MismatchedInputException) e).getTargetType() != null) {
      return "expected " + describe(((MismatchedInputException) e).getTargetType());
    }
    return SourceTrees.firstLine(e.getOriginalMessage());
  }

  private static String quoted(@Nullable Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }

  static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  static @Nullable SourcePosition nearest(Map<String, SourcePosition> positions, String path) {
    String p = path;
    while (!p.isEmpty()) {
      SourcePosition found = positions.get(p);
      if (found != null) {
        return found;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? "" : p.substring(0, cut);
    }
    return null;
  }
}
