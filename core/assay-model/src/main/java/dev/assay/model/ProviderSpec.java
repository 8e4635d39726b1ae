/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A metric's {@code provider} block. Prometheus, Web and Job are typed; any other provider (datadog, plugin, ...) is
 * kept as plain Java values under its key in {@link #other()}, so a template with it loads and writes back, and fails
 * only when run without a provider registered for that key.
 *
 * @param prometheus the Prometheus block, or null
 * @param web the Web block, or null
 * @param job the Job block, or null
 * @param other every other provider block by key (for {@code plugin}, the whole plugin map), never null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProviderSpec(
    @Nullable PrometheusMetric prometheus,
    @Nullable WebMetric web,
    @Nullable JobMetric job,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {
  /**
   * Copies the map of other providers.
   *
   * @param prometheus the Prometheus block, or null
   * @param web the Web block, or null
   * @param job the Job block, or null
   * @param other every other provider block by key (for {@code plugin}, the whole plugin map), never null
   */
  public ProviderSpec {
    other = other == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(other));
  }

  /**
   * A Prometheus provider block.
   *
   * @param prometheus the block
   * @return the provider spec
   */
  public static ProviderSpec of(PrometheusMetric prometheus) {
    return new ProviderSpec(prometheus, null, null, Map.of());
  }

  /**
   * A Web provider block.
   *
   * @param web the block
   * @return the provider spec
   */
  public static ProviderSpec of(WebMetric web) {
    return new ProviderSpec(null, web, null, Map.of());
  }

  /**
   * A Job provider block.
   *
   * @param job the block
   * @return the provider spec
   */
  public static ProviderSpec of(JobMetric job) {
    return new ProviderSpec(null, null, job, Map.of());
  }

  /**
   * A provider block of any other type, as plain values.
   *
   * @param type the provider key, for example {@code "datadog"}
   * @param block the block
   * @return the provider spec
   */
  public static ProviderSpec of(String type, Map<String, Object> block) {
    return new ProviderSpec(null, null, null, Map.of(type, block));
  }

  /**
   * The provider keys set in this block, in the order prometheus, web, job, then the others. A valid metric has
   * exactly one; each entry of a {@code plugin} map counts as one (as in Argo), named {@code plugin/<name>}.
   *
   * @return the provider types, never null
   */
  public List<String> types() {
    List<String> types = new ArrayList<>();
    if (prometheus != null) {
      types.add("prometheus");
    }
    if (web != null) {
      types.add("web");
    }
    if (job != null) {
      types.add("job");
    }
    for (Map.Entry<String, Object> e : other.entrySet()) {
      if ("plugin".equals(e.getKey()) && e.getValue() instanceof Map) {
        for (Object name : ((Map<?, ?>) e.getValue()).keySet()) {
          types.add("plugin/" + name);
        }
      } else if (e.getValue() != null) {
        types.add(e.getKey());
      }
    }
    return types;
  }
}
