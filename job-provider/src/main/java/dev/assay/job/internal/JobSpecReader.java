/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import dev.assay.job.JobSpecException;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads the plain-value parts of a {@code JobMetric} into fabric8 types, naming the offending field on failure.
 * Thread-safe.
 */
public final class JobSpecReader {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private JobSpecReader() {}

  /**
   * Converts {@code job.spec} to a {@code batch/v1 JobSpec}.
   *
   * @param spec the spec as plain values
   * @return the typed spec (a fresh object each call)
   * @throws JobSpecException when a field has the wrong type; the field path is in the message
   */
  public static JobSpec readSpec(Map<String, Object> spec) {
    try {
      return SERIALIZATION.convertValue(spec, JobSpec.class);
    } catch (RuntimeException e) {
      JacksonException jackson = findJacksonException(e);
      String path = jackson == null ? "job.spec" : "job.spec" + pathOf(jackson);
      String problem = jackson == null ? String.valueOf(e.getMessage()) : jackson.getOriginalMessage();
      throw new JobSpecException(path, "cannot be read as part of a batch/v1 JobSpec: " + firstLine(problem));
    }
  }

  /**
   * Reads {@code job.metadata.labels} or {@code job.metadata.annotations} as a string map.
   *
   * @param metadata the {@code job.metadata} block
   * @param key {@code labels} or {@code annotations}
   * @return the entries in order (values converted with {@code String.valueOf}); empty when absent
   * @throws JobSpecException when the entry is not a map
   */
  public static Map<String, String> readStringMap(Map<String, Object> metadata, String key) {
    Object value = metadata.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof Map)) {
      throw new JobSpecException("job.metadata." + key, "must be a map of strings, but was " + typeName(value));
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
      if (e.getValue() instanceof Map || e.getValue() instanceof Iterable) {
        throw new JobSpecException(
            "job.metadata." + key + "[" + e.getKey() + "]", "must be a string, but was " + typeName(e.getValue()));
      }
      out.put(String.valueOf(e.getKey()), e.getValue() == null ? "" : String.valueOf(e.getValue()));
    }
    return out;
  }

  private static @Nullable JacksonException findJacksonException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException) {
        return (JacksonException) t;
      }
    }
    return null;
  }

  private static String pathOf(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static String typeName(Object value) {
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof Iterable) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
