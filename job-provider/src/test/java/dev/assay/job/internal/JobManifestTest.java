/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.job.JobSpecException;
import dev.assay.model.JobMetric;
import dev.assay.spi.RunRef;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobManifestTest {
  private static final String UID = "3b8a2f4e-6b1c-4d0e-9f2a-1c2d3e4f5a6b";

  @Test
  void jobName_short_uidMetricNumber() {
    assertThat(JobManifest.jobName("uid", "metric", 7)).isEqualTo("uid.metric.7");
  }

  @Test
  void jobName_over63_metricNameCutToExactly63() {
    String name = JobManifest.jobName(UID, "a-very-long-metric-name-that-goes-on", 12);

    assertThat(name).hasSize(63).startsWith(UID + ".a-very-long-metric-").endsWith(".12");
    assertThat(name).isEqualTo(UID + ".a-very-long-metric-name.12");
  }

  @Test
  void jobName_exactly63_unchanged() {
    String metric = "x".repeat(63 - UID.length() - 3);

    assertThat(JobManifest.jobName(UID, metric, 1)).hasSize(63).isEqualTo(UID + "." + metric + ".1");
  }

  @Test
  void build_keepsTemplatePodLabelsAndAddsUid() {
    Map<String, Object> spec = Map.of("template", Map.of(
        "metadata", Map.of("labels", Map.of("app", "checker")),
        "spec", Map.of("containers", List.of(Map.of("name", "c", "image", "busybox")))));
    RunRef run = new RunRef("r", "ns", "u");

    Job job = JobManifest.build(run, "m", 1, new JobMetric(Map.of(), spec), "ns", true);

    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app", "checker").containsEntry(JobManifest.UID_LABEL, "u");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getApiVersion()).isEqualTo("argoproj.io/v1alpha1");
  }

  @Test
  void build_labelsNotAMap_errorNamesField() {
    JobMetric job = new JobMetric(Map.of("labels", List.of("a")), Map.of());

    assertThatThrownBy(() -> JobManifest.build(new RunRef("r", "ns", "u"), "m", 1, job, "ns", true))
        .isInstanceOf(JobSpecException.class)
        .hasMessage("job.metadata.labels: must be a map of strings, but was a list");
  }

  @Test
  void readSpec_nestedFieldOfWrongType_errorNamesNestedPath() {
    Map<String, Object> spec = Map.of("template", Map.of("spec", Map.of(
        "containers", List.of(Map.of("name", "c", "command", Map.of("not", "a list"))))));

    assertThatThrownBy(() -> JobSpecReader.readSpec(spec))
        .isInstanceOf(JobSpecException.class)
        .hasMessageStartingWith("job.spec.template.spec.containers[0].command: ")
        .extracting(e -> ((JobSpecException) e).field())
        .isEqualTo("job.spec.template.spec.containers[0].command");
  }

  @Test
  void nextPoll_sqrtOfTwiceElapsedSeconds() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");

    assertThat(Backoff.nextPoll(start, start)).isEqualTo(start);
    assertThat(Backoff.nextPoll(start, start.plusSeconds(2))).isEqualTo(start.plusSeconds(4));
    assertThat(Backoff.nextPoll(start, start.plusSeconds(450))).isEqualTo(start.plusSeconds(480));
    assertThat(Backoff.nextPoll(null, start)).isEqualTo(start);
    assertThat(Duration.between(start.plusSeconds(1), Backoff.nextPoll(start, start.plusSeconds(1))).toMillis())
        .isEqualTo(1414);
  }
}
