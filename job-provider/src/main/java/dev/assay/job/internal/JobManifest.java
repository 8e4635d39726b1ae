/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import dev.assay.job.JobSpecException;
import dev.assay.model.JobMetric;
import dev.assay.model.MetricResult;
import dev.assay.spi.RunRef;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code batch/v1 Job} Argo Rollouts creates for one measurement. Stateless and thread-safe. */
public final class JobManifest {
  /** Label on jobs and their pods: the run UID (GC selects by it). */
  public static final String UID_LABEL = "analysisrun.argoproj.io/uid";
  /** Annotation: the run name. */
  public static final String NAME_ANNOTATION = "analysisrun.argoproj.io/name";
  /** Annotation: the run namespace. */
  public static final String NAMESPACE_ANNOTATION = "analysisrun.argoproj.io/namespace";
  /** Annotation: the metric name. */
  public static final String METRIC_ANNOTATION = "analysisrun.argoproj.io/metric-name";
  /** Kubernetes' limit on names used as label values. */
  static final int MAX_NAME_LENGTH = 63;

  private JobManifest() {}

  /**
   * The job name {@code <runUID>.<metric>.<N>}; when longer than 63 characters, the metric name is cut so that the
   * whole name is exactly 63.
   *
   * @param runUid the run UID
   * @param metricName the metric name
   * @param number the measurement number {@code N}
   * @return the name
   */
  public static String jobName(String runUid, String metricName, int number) {
    String suffix = "." + number;
    String name = runUid + "." + metricName + suffix;
    if (name.length() <= MAX_NAME_LENGTH) {
      return name;
    }
    int keep = Math.max(0, MAX_NAME_LENGTH - runUid.length() - 1 - suffix.length());
    return runUid + "." + metricName.substring(0, Math.min(keep, metricName.length())) + suffix;
  }

  /**
   * The key that names and labels a run's jobs: its UID, or its name when it has no UID (a run built in code rather
   * than read from a cluster).
   *
   * @param run the run
   * @return the UID, or the name when the UID is empty
   */
  public static String runKey(RunRef run) {
    return run.uid().isEmpty() ? run.name() : run.uid();
  }

  /**
   * The measurement number of the next job: every measurement ever taken plus one ({@code count + error + 1}).
   *
   * @param result the metric's result so far
   * @return the number, from 1
   */
  public static int nextNumber(MetricResult result) {
    return result.count() + result.error() + 1;
  }

  /**
   * The job for one measurement.
   *
   * @param run the run
   * @param metricName the metric name
   * @param number the measurement number
   * @param job the metric's job block
   * @param namespace the namespace to create the job in
   * @param withOwnerReference whether to make the run the job's controller
   * @return the job
   * @throws JobSpecException when the job block cannot be read
   */
  public static Job build(
      RunRef run, String metricName, int number, JobMetric job, String namespace, boolean withOwnerReference) {
    JobSpec spec = JobSpecReader.readSpec(job.spec());
    Map<String, String> labels = JobSpecReader.readStringMap(job.metadata(), "labels");
    String runKey = runKey(run);
    labels.put(UID_LABEL, runKey);
    Map<String, String> annotations = JobSpecReader.readStringMap(job.metadata(), "annotations");
    annotations.put(NAME_ANNOTATION, run.name());
    annotations.put(NAMESPACE_ANNOTATION, run.namespace());
    annotations.put(METRIC_ANNOTATION, metricName);
    addPodTemplateLabel(spec, runKey);
    ObjectMeta meta = new ObjectMeta();
    meta.setName(jobName(runKey, metricName, number));
    meta.setNamespace(namespace);
    meta.setLabels(labels);
    meta.setAnnotations(annotations);
    if (withOwnerReference) {
      meta.setOwnerReferences(List.of(ownerReference(run)));
    }
    return new JobBuilder().withMetadata(meta).withSpec(spec).build();
  }

  /**
   * The controller reference to the AnalysisRun.
   *
   * @param run the run
   * @return the reference ({@code argoproj.io/v1alpha1}, kind {@code AnalysisRun}, controller)
   */
  static OwnerReference ownerReference(RunRef run) {
    return new OwnerReferenceBuilder()
        .withApiVersion("argoproj.io/v1alpha1")
        .withKind("AnalysisRun")
        .withName(run.name())
        .withUid(run.uid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  private static void addPodTemplateLabel(JobSpec spec, String runUid) {
    PodTemplateSpec template = spec.getTemplate();
    if (template == null) {
      template = new PodTemplateSpec();
      spec.setTemplate(template);
    }
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    Map<String, String> podLabels = new LinkedHashMap<>();
    if (template.getMetadata().getLabels() != null) {
      podLabels.putAll(template.getMetadata().getLabels());
    }
    podLabels.put(UID_LABEL, runUid);
    template.getMetadata().setLabels(podLabels);
  }
}
