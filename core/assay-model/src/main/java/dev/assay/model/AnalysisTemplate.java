/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;

/**
 * A namespaced {@code AnalysisTemplate} ({@code argoproj.io/v1alpha1}).
 *
 * @param apiVersion the API version, normally {@code argoproj.io/v1alpha1}
 * @param kind {@code AnalysisTemplate}
 * @param metadata the object metadata
 * @param spec the template body
 */
public record AnalysisTemplate(String apiVersion, String kind, ObjectMeta metadata, AnalysisTemplateSpec spec)
    implements TemplateResource {
  /** The kind name. */
  public static final String KIND = "AnalysisTemplate";

  /**
   * Fills in defaults for absent parts.
   *
   * @param apiVersion the API version, normally {@code argoproj.io/v1alpha1}
   * @param kind {@code AnalysisTemplate}
   * @param metadata the object metadata
   * @param spec the template body
   */
  public AnalysisTemplate {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Objects.requireNonNullElse(metadata, ObjectMeta.EMPTY);
    spec = Objects.requireNonNullElse(spec, new AnalysisTemplateSpec(null, null, null, null, null));
  }

  /**
   * A template with a name and a body.
   *
   * @param name the template name
   * @param spec the body
   * @return the template
   */
  public static AnalysisTemplate of(String name, AnalysisTemplateSpec spec) {
    return new AnalysisTemplate(API_VERSION, KIND, ObjectMeta.of(name, ""), spec);
  }
}
