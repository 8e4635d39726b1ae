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
import dev.assay.model.Resource;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 * <p><b>Strict by default.</b> A field the Argo CRD schema does not define (a typo such as {@code sucessCondition})
 * is an error with its path, line:column and the nearest known field; so is a value of the wrong type, a duplicate
 * key or an exceeded size limit. All problems of a document are reported at once. {@link #lenient()} ignores unknown
 * fields instead (logging them at WARN); {@link #reader()} configures limits and custom provider keys. See
 * {@link ManifestReader} and {@code docs/manifests.md}. Metadata fields, provider blocks of types the model does not
 * type ({@code datadog}, {@code plugin}, ...) and a job's spec are kept and written back. YAML anchors, aliases and
 * merge keys ({@code <<: *base}) are expanded.
 *
 * <p><b>Output.</b> Empty and absent values are left out, as Kubernetes does; times are RFC 3339 in UTC
 * ({@code 2026-03-01T12:00:00Z}, with fractional seconds only when there are some); an IntOrString is written as it
 * was written (number or string).
 *
 * <p><b>Errors</b> are {@link ManifestException}s with the document, field path, line and column. Stateless and
 * thread-safe.
 */
public final class Manifests {
  private Manifests() {}

  /**
   * The strict reader with the default limits, which the static {@code read} and {@code parse} methods use.
   *
   * @return the reader
   */
  public static ManifestReader reader() {
    return ManifestReader.STRICT;
  }

  /**
   * A lenient reader: fields the Argo schema does not define are ignored, logged at WARN and listed in
   * {@link Manifest#unknownFields()}, instead of failing. Everything else is checked as in {@link #reader()}.
   *
   * @return the reader
   */
  public static ManifestReader lenient() {
    return ManifestReader.STRICT.strict(false);
  }

  /**
   * Reads every analysis resource in a text, strictly; see {@link ManifestReader#read(String)}.
   *
   * @param text YAML or JSON
   * @return the resources, in document order
   * @throws ManifestException when the text cannot be read, listing every problem of the first bad document
   */
  public static List<Resource> read(String text) {
    return reader().read(text);
  }

  /**
   * Reads every analysis resource in a UTF-8 file, strictly.
   *
   * @param path the file
   * @return the resources, in document order
   * @throws ManifestException when the file cannot be read or parsed
   */
  public static List<Resource> read(Path path) {
    return reader().read(path);
  }

  /**
   * Reads every analysis resource in a UTF-8 stream, strictly. The stream is read to its end and not closed.
   *
   * @param in the stream
   * @return the resources, in document order
   * @throws ManifestException when the stream cannot be read or parsed
   */
  public static List<Resource> read(InputStream in) {
    return reader().read(in);
  }

  /**
   * Reads the one resource of a type in a text (other documents are ignored), strictly.
   *
   * @param text YAML or JSON
   * @param type the resource type, for example {@code AnalysisTemplate.class}
   * @param <T> the resource type
   * @return the resource
   * @throws ManifestException when there is not exactly one resource of that type
   */
  public static <T extends Resource> T read(String text, Class<T> type) {
    return reader().read(text, type);
  }

  /**
   * Reads the one resource of a type in a UTF-8 file, strictly.
   *
   * @param path the file
   * @param type the resource type
   * @param <T> the resource type
   * @return the resource
   * @throws ManifestException when the file cannot be read or does not hold exactly one resource of that type
   */
  public static <T extends Resource> T read(Path path, Class<T> type) {
    return reader().read(path, type);
  }

  /**
   * Reads every analysis resource in a text with details, strictly; see {@link ManifestReader#parse(String)}.
   *
   * @param text YAML or JSON
   * @return one manifest per analysis document, in document order
   * @throws ManifestException when the text cannot be read
   */
  public static List<Manifest> parse(String text) {
    return reader().parse(text);
  }

  /**
   * Reads a UTF-8 file with details, strictly; see {@link ManifestReader#parse(String)}.
   *
   * @param path the file
   * @return one manifest per analysis document
   * @throws ManifestException when the file cannot be read or parsed
   */
  public static List<Manifest> parse(Path path) {
    return reader().parse(path);
  }

  /**
   * Converts a plain value tree (maps, lists, strings, numbers and booleans, as found in a plugin's config block)
   * into a model type, with the model's field names and coercions (a templated {@code "30"} becomes a number where
   * the type wants one). Fields the type does not define are an error, as in strict reading.
   *
   * @param tree the plain tree; not null
   * @param type the model type, e.g. {@code ProviderSpec.class}
   * @param <T> the model type
   * @return the model value
   * @throws IllegalArgumentException when the tree does not have the type's shape or has a field the type does not
   *     define; the message names the field (and the nearest known one)
   */
  public static <T> T convert(Object tree, Class<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = ModelMappers.JSON.valueToTree(Objects.requireNonNull(tree, "tree"));
    List<ManifestProblem> unknown = ModelReader.unknownFields(node, type);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(unknown.stream().map(ManifestProblem::toString)
          .collect(java.util.stream.Collectors.joining("\n")));
    }
    return ModelMappers.JSON.convertValue(node, type);
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
}
