/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

/**
 * A Kubernetes resource of the analysis API: a template, a cluster template or a run.
 */
public sealed interface Resource permits TemplateResource, AnalysisRun {
  /** The API version Argo Rollouts uses for these resources. */
  String API_VERSION = "argoproj.io/v1alpha1";

  /**
   * The API version.
   *
   * @return the API version
   */
  String apiVersion();

  /**
   * The kind.
   *
   * @return the kind
   */
  String kind();

  /**
   * The metadata.
   *
   * @return the metadata
   */
  ObjectMeta metadata();
}
