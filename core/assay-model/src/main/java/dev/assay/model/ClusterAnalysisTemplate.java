/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;

/**
 * A cluster-scoped {@code ClusterAnalysisTemplate} ({@code argoproj.io/v1alpha1}).
 *
 * @param apiVersion the API version, normally {@code argoproj.io/v1alpha1}
 * @param kind {@code ClusterAnalysisTemplate}
 * @param metadata the object metadata
 * @param spec the template body
 */
public record ClusterAnalysisTemplate(String apiVersion, String kind, ObjectMeta metadata, AnalysisTemplateSpec spec)
    implements TemplateResource {
  /** The kind name. */
  public static final String KIND = "ClusterAnalysisTemplate";

  /**
   * Fills in defaults for absent parts.
   *
   * @param apiVersion the API version, normally {@code argoproj.io/v1alpha1}
   * @param kind {@code ClusterAnalysisTemplate}
   * @param metadata the object metadata
   * @param spec the template body
   */
  public ClusterAnalysisTemplate {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Objects.requireNonNullElse(metadata, ObjectMeta.EMPTY);
    spec = Objects.requireNonNullElse(spec, new AnalysisTemplateSpec(null, null, null, null, null));
  }
}
