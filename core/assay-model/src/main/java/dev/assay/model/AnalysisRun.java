/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import java.util.Objects;

/**
 * An {@code AnalysisRun}: the metrics to evaluate (spec) and how far the evaluation got (status).
 *
 * @param apiVersion the API version, normally {@code argoproj.io/v1alpha1}
 * @param kind {@code AnalysisRun}
 * @param metadata the object metadata (name, namespace and uid identify the run)
 * @param spec what to evaluate
 * @param status the evaluation state ({@link AnalysisRunStatus#NEW} for a new run)
 */
public record AnalysisRun(
    String apiVersion, String kind, ObjectMeta metadata, AnalysisRunSpec spec, AnalysisRunStatus status)
    implements Resource {
  /** The kind name. */
  public static final String KIND = "AnalysisRun";

  /**
   * Fills in defaults for absent parts.
   *
   * @param apiVersion the API version, normally {@code argoproj.io/v1alpha1}
   * @param kind {@code AnalysisRun}
   * @param metadata the object metadata (name, namespace and uid identify the run)
   * @param spec what to evaluate
   * @param status the evaluation state ({@link AnalysisRunStatus#NEW} for a new run)
   */
  public AnalysisRun {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Objects.requireNonNullElse(metadata, ObjectMeta.EMPTY);
    spec = Objects.requireNonNull(spec, "spec");
    status = Objects.requireNonNullElse(status, AnalysisRunStatus.NEW);
  }

  /**
   * A new run with a name and a spec.
   *
   * @param metadata the metadata
   * @param spec the spec
   * @return the run, with a {@link AnalysisRunStatus#NEW} status
   */
  public static AnalysisRun of(ObjectMeta metadata, AnalysisRunSpec spec) {
    return new AnalysisRun(API_VERSION, KIND, metadata, spec, AnalysisRunStatus.NEW);
  }

  /**
   * A copy with another status.
   *
   * @param newStatus the status
   * @return the copy
   */
  public AnalysisRun withStatus(AnalysisRunStatus newStatus) {
    return new AnalysisRun(apiVersion, kind, metadata, spec, newStatus);
  }

  /**
   * A copy with another spec.
   *
   * @param newSpec the spec
   * @return the copy
   */
  public AnalysisRun withSpec(AnalysisRunSpec newSpec) {
    return new AnalysisRun(apiVersion, kind, metadata, newSpec, status);
  }
}
