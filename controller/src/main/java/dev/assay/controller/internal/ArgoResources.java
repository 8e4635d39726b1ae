/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The Argo custom resources the controller reads and writes, addressed without their CRD objects. */
public final class ArgoResources {
  /** {@code argoproj.io/v1alpha1} AnalysisRun (namespaced). */
  public static final ResourceDefinitionContext ANALYSIS_RUNS = context("AnalysisRun", "analysisruns", true);
  /** {@code argoproj.io/v1alpha1} AnalysisTemplate (namespaced). */
  public static final ResourceDefinitionContext ANALYSIS_TEMPLATES =
      context("AnalysisTemplate", "analysistemplates", true);
  /** {@code argoproj.io/v1alpha1} ClusterAnalysisTemplate (cluster-scoped). */
  public static final ResourceDefinitionContext CLUSTER_ANALYSIS_TEMPLATES =
      context("ClusterAnalysisTemplate", "clusteranalysistemplates", false);
  /** The API version of all three. */
  public static final String API_VERSION = "argoproj.io/v1alpha1";

  private ArgoResources() {}

  private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1").withKind(kind)
        .withPlural(plural).withNamespaced(namespaced).build();
  }
}
