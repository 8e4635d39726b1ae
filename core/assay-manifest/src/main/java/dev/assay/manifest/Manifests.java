/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.manifest.internal.ModelMappers;
import dev.assay.manifest.internal.ModelReader;
import dev.assay.manifest.internal.SourceTrees;
import dev.assay.model.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes Argo Rollouts analysis manifests: {@code AnalysisTemplate}, {@code ClusterAnalysisTemplate} and
 * {@code AnalysisRun} (spec and status), as YAML or JSON.
 *
 * <pre>{@code
 * AnalysisTemplate template = Manifests.read(Path.of("success-rate.yaml"), AnalysisTemplate.class);
 * String yaml = Manifests.write(template);
 * }</pre>
 *
 * <p><b>Input.</b> YAML with one or more documents separated by {@code ---}, or JSON with one or more root objects
 * (or a root array). A document of {@code kind: List} contributes its {@code items}. Documents of other kinds
 * (a {@code Rollout}, a {@code Service}, ...) are skipped, so a whole application manifest can be read; a document
 * without a {@code kind} is an error.
 *
 * <p><b>Unknown fields</b> never make reading fail. Fields under {@code metadata}, provider blocks of types the model
 * does not type ({@code datadog}, {@code plugin}, ...) and everything inside a {@code job} block are kept and written
 * back. Any other field the model does not know (a typo such as {@code intervall}, or a field of a newer Argo version,
 * also inside the {@code prometheus} and {@code web} blocks) is dropped and reported: {@link #parse(String)} lists it
 * in {@link Manifest#unknownFields()} with its position, and {@link Manifest#requireNoUnknownFields()} turns it into
 * an error for strict callers. YAML anchors, aliases and merge keys ({@code <<: *base}) are expanded.
 *
 * <p><b>Output.</b> Empty and absent values are left out, as Kubernetes does; times are RFC 3339 in UTC
 * ({@code 2026-03-01T12:00:00Z}, with fractional seconds only when there are some); an IntOrString is written as it
 * was written (number or string).
 *
 * <p><b>Errors</b> are {@link ManifestException}s with the document, field path, line and column. Stateless and
 * thread-safe.
 */
public final class Manifests {
  private static final Logger logger = LoggerFactory.getLogger(Manifests.class);

  private Manifests() {}

  /**
   * Reads every analysis resource in a text.
   *
   * @param text YAML or JSON
   * @return the resources, in document order
   * @throws ManifestException when the text cannot be read
   */
  public static List<Resource> read(String text) {
    List<Resource> out = new ArrayList<>();
    for (Manifest m : parse(text)) {
      out.add(m.resource());
    }
    return out;
  }

  /**
   * Reads every analysis resource in a UTF-8 file.
   *
   * @param path the file
   * @return the resources, in document order
   * @throws ManifestException when the file cannot be read or parsed
   */
  public static List<Resource> read(Path path) {
    return read(text(path));
  }

  /**
   * Reads every analysis resource in a UTF-8 stream. The stream is read to its end and not closed.
   *
   * @param in the stream
   * @return the resources, in document order
   * @throws ManifestException when the stream cannot be read or parsed
   */
  public static List<Resource> read(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ManifestException("cannot read input: " + e.getMessage(), "", null, -1);
    }
  }

  /**
   * Reads the one resource of a type in a text (other documents are ignored).
   *
   * @param text YAML or JSON
   * @param type the resource type, for example {@code AnalysisTemplate.class}
   * @param <T> the resource type
   * @return the resource
   * @throws ManifestException when there is not exactly one resource of that type
   */
  public static <T extends Resource> T read(String text, Class<T> type) {
    Objects.requireNonNull(type, "type");
    List<T> found = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    for (Resource r : read(text)) {
      kinds.add(r.kind());
      if (type.isInstance(r)) {
        found.add(type.cast(r));
      }
    }
    if (found.size() != 1) {
      throw new ManifestException("expected one " + type.getSimpleName() + ", found " + found.size()
          + " (documents: " + kinds + ")", "", null, -1);
    }
    return found.get(0);
  }

  /**
   * Reads the one resource of a type in a UTF-8 file.
   *
   * @param path the file
   * @param type the resource type
   * @param <T> the resource type
   * @return the resource
   * @throws ManifestException when the file cannot be read or does not hold exactly one resource of that type
   */
  public static <T extends Resource> T read(Path path, Class<T> type) {
    return read(text(path), type);
  }

  /**
   * Reads every analysis resource in a text with details: dropped unknown fields and the position of every field.
   *
   * @param text YAML or JSON
   * @return one manifest per analysis document, in document order
   * @throws ManifestException when the text cannot be read
   */
  public static List<Manifest> parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Manifest> out = new ArrayList<>();
    for (SourceTrees.Document doc : expandLists(SourceTrees.read(text))) {
      if (!doc.tree().isObject()) {
        throw new ManifestException("expected an object with apiVersion, kind and metadata", "", null, doc.index());
      }
      JsonNode kind = doc.tree().get("kind");
      if (kind == null || !kind.isTextual() || kind.asText().isEmpty()) {
        throw new ManifestException("missing kind", "kind", doc.positions().get("kind"), doc.index());
      }
      Optional<Class<? extends Resource>> type = ModelReader.typeOf(kind.asText());
      if (type.isEmpty()) {
        logger.debug("skipping document {} of kind {}", doc.index() + 1, kind.asText());
        continue;
      }
      Manifest manifest = ModelReader.read(doc, type.get());
      if (!manifest.unknownFields().isEmpty()) {
        logger.debug("document {}: dropped unknown fields {}", doc.index() + 1, manifest.unknownFields());
      }
      out.add(manifest);
    }
    return out;
  }

  /**
   * Reads a UTF-8 file with details; see {@link #parse(String)}.
   *
   * @param path the file
   * @return one manifest per analysis document
   * @throws ManifestException when the file cannot be read or parsed
   */
  public static List<Manifest> parse(Path path) {
    return parse(text(path));
  }

  /**
   * Converts a plain value tree (maps, lists, strings, numbers and booleans, as found in a plugin's config block)
   * into a model type, with the model's field names and coercions.
   *
   * @param tree the plain tree; not null
   * @param type the model type, e.g. {@code ProviderSpec.class}
   * @param <T> the model type
   * @return the model value
   * @throws IllegalArgumentException when the tree does not have the type's shape; the message names the field
   */
  public static <T> T convert(Object tree, Class<T> type) {
    return ModelMappers.JSON.convertValue(Objects.requireNonNull(tree, "tree"), Objects.requireNonNull(type, "type"));
  }

  /**
   * A model value as a plain tree (maps, lists and scalars), exactly as it would be written to JSON: the inverse of
   * {@link #convert(Object, Class)}.
   *
   * @param value the model value; not null
   * @return a new mutable map in field order
   * @throws IllegalArgumentException when the value does not serialize to a JSON object
   */
  public static java.util.Map<String, Object> toPlainMap(Object value) {
    return ModelMappers.JSON.convertValue(Objects.requireNonNull(value, "value"),
        new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
  }

  /**
   * Writes one resource as YAML.
   *
   * @param resource the resource
   * @return the YAML document (without a leading {@code ---})
   */
  public static String write(Resource resource) {
    return writeWith(ModelMappers.YAML.writer(), Objects.requireNonNull(resource, "resource"));
  }

  /**
   * Writes resources as a multi-document YAML text, separated by {@code ---}.
   *
   * @param resources the resources
   * @return the YAML text
   */
  public static String write(List<? extends Resource> resources) {
    StringBuilder out = new StringBuilder();
    for (Resource r : resources) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(write(r));
    }
    return out.toString();
  }

  /**
   * Writes one resource as indented JSON.
   *
   * @param resource the resource
   * @return the JSON object
   */
  public static String writeJson(Resource resource) {
    return writeWith(ModelMappers.JSON_PRETTY, Objects.requireNonNull(resource, "resource"));
  }

  /**
   * Writes resources as one indented JSON Kubernetes {@code List} ({@code apiVersion: v1}, {@code kind: List},
   * {@code items}), which {@link #read(String)} reads back.
   *
   * @param resources the resources
   * @return the JSON object
   */
  public static String writeJson(List<? extends Resource> resources) {
    ObjectNode list = ModelMappers.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
    list.set("items", ModelMappers.JSON.valueToTree(List.copyOf(resources)));
    return writeWith(ModelMappers.JSON_PRETTY, list);
  }

  private static String writeWith(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ManifestException("cannot write: " + e.getMessage(), "", null, -1);
    }
  }

  private static String text(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new ManifestException("cannot read " + path + ": " + e.getMessage(), "", null, -1);
    }
  }

  /** Replaces each {@code kind: List} document by its items, with their positions re-keyed. */
  private static List<SourceTrees.Document> expandLists(List<SourceTrees.Document> docs) {
    List<SourceTrees.Document> out = new ArrayList<>();
    for (SourceTrees.Document doc : docs) {
      JsonNode items = doc.tree().get("items");
      if (!"List".equals(doc.tree().path("kind").asText()) || items == null || !items.isArray()) {
        out.add(doc);
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        String prefix = "items[" + i + "].";
        Map<String, SourcePosition> positions = new HashMap<>();
        doc.positions().forEach((path, position) -> {
          if (path.startsWith(prefix)) {
            positions.put(path.substring(prefix.length()), position);
          }
        });
        out.add(new SourceTrees.Document(items.get(i), positions, doc.index()));
      }
    }
    return out;
  }
}
