/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Job metric runs. A metric picks its runner with the annotation {@value #RUNNER_ANNOTATION} in its
 * {@code job.metadata.annotations} ({@code kubernetes} or {@code local}); metrics without it use the provider's
 * default ({@link JobMetricProvider.Builder#defaultRunner(JobRunner)}, itself {@link #KUBERNETES} unless set).
 */
public enum JobRunner {
  /** A {@code batch/v1} Job created through the Kubernetes API, as Argo Rollouts runs it. */
  KUBERNETES("kubernetes"),
  /**
   * A child process of this JVM: the first container's {@code command} + {@code args} as argv, its {@code env} and
   * {@code workingDir}, and {@code spec.activeDeadlineSeconds} as the timeout.
   */
  LOCAL("local");

  /** The {@code job.metadata.annotations} key that picks the runner of one metric. */
  public static final String RUNNER_ANNOTATION = "assay.dev/runner";

  /**
   * The {@code job.metadata.annotations} key that opts a local-runner metric into JSON results: with the value
   * {@value #RESULT_LAST_LINE_JSON}, the last non-empty line of standard output of a process that exits 0 is parsed
   * as JSON and becomes {@code result} for the metric's conditions.
   */
  public static final String RESULT_ANNOTATION = "assay.dev/result";

  /** The value of {@value #RESULT_ANNOTATION} that turns on JSON results. */
  public static final String RESULT_LAST_LINE_JSON = "last-line-json";

  private final String annotationValue;

  JobRunner(String annotationValue) {
    this.annotationValue = annotationValue;
  }

  /**
   * The value of {@value #RUNNER_ANNOTATION} that selects this runner.
   *
   * @return {@code kubernetes} or {@code local}
   */
  public String annotationValue() {
    return annotationValue;
  }

  /**
   * The runner a metric's {@code job.metadata} asks for.
   *
   * @param jobMetadata the metric's {@code job.metadata} block, as plain values
   * @return the runner named by {@value #RUNNER_ANNOTATION}, or empty when the annotation is absent
   * @throws JobSpecException when the annotation holds anything but {@code kubernetes} or {@code local}
   */
  public static Optional<JobRunner> fromMetadata(Map<String, Object> jobMetadata) {
    Object annotations = jobMetadata.get("annotations");
    if (!(annotations instanceof Map)) {
      return Optional.empty();
    }
    Object value = ((Map<?, ?>) annotations).get(RUNNER_ANNOTATION);
    if (value == null) {
      return Optional.empty();
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    for (JobRunner runner : values()) {
      if (runner.annotationValue.equals(text)) {
        return Optional.of(runner);
      }
    }
    throw new JobSpecException(
        "job.metadata.annotations[" + RUNNER_ANNOTATION + "]",
        "must be \"kubernetes\" or \"local\", but was \"" + value + "\"");
  }
}
