/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes object metadata. The fields the analysis uses are typed; every other field a cluster writes
 * ({@code resourceVersion}, {@code creationTimestamp}, {@code ownerReferences}, ...) is kept in {@link #other()} so
 * that a manifest writes back as it was read.
 *
 * @param name the object name; empty when absent
 * @param namespace the namespace; empty when absent (cluster-scoped objects)
 * @param uid the UID; empty when absent
 * @param labels labels, never null
 * @param annotations annotations, never null
 * @param other every other metadata field, as plain Java values (String, Number, Boolean, List, Map)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
    String name,
    String namespace,
    String uid,
    Map<String, String> labels,
    Map<String, String> annotations,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

  /** Empty metadata. */
  public static final ObjectMeta EMPTY = new ObjectMeta("", "", "", Map.of(), Map.of(), Map.of());

  /**
   * Normalises absent values to empty ones and copies the collections.
   *
   * @param name the object name; empty when absent
   * @param namespace the namespace; empty when absent (cluster-scoped objects)
   * @param uid the UID; empty when absent
   * @param labels labels, never null
   * @param annotations annotations, never null
   * @param other every other metadata field, as plain Java values (String, Number, Boolean, List, Map)
   */
  public ObjectMeta {
    name = Objects.requireNonNullElse(name, "");
    namespace = Objects.requireNonNullElse(namespace, "");
    uid = Objects.requireNonNullElse(uid, "");
    labels = ordered(labels, "labels");
    annotations = ordered(annotations, "annotations");
    other = other == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(other));
  }

  /**
   * Metadata with just a name and namespace.
   *
   * @param name the name
   * @param namespace the namespace, empty for cluster-scoped objects
   * @return the metadata
   */
  public static ObjectMeta of(String name, String namespace) {
    return new ObjectMeta(name, namespace, "", Map.of(), Map.of(), Map.of());
  }

  /**
   * Copies a map keeping its order (label order as written survives a round trip). A null value becomes empty, as
   * Kubernetes reads {@code key: null} in a string map.
   */
  private static Map<String, String> ordered(@Nullable Map<String, String> map, String what) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what), v == null ? "" : v));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
