/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A reference from one template to another, flattened when a run is built.
 *
 * @param templateName the referenced template
 * @param clusterScope true for a {@code ClusterAnalysisTemplate}, false for a namespaced {@code AnalysisTemplate}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TemplateRef(
    String templateName, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean clusterScope) {
  /**
   * Validates the components.
   *
   * @param templateName the referenced template
   * @param clusterScope true for a {@code ClusterAnalysisTemplate}, false for a namespaced {@code AnalysisTemplate}
   */
  public TemplateRef {
    Objects.requireNonNull(templateName, "templateName");
  }
}
