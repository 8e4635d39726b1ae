/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

/**
 * An analysis template resource, namespaced or cluster-scoped: the two differ only in scope.
 */
public sealed interface TemplateResource extends Resource permits AnalysisTemplate, ClusterAnalysisTemplate {
  /**
   * The template body.
   *
   * @return the body
   */
  AnalysisTemplateSpec spec();
}
