/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.job.JobRunner;
import dev.assay.job.JobSpecException;
import dev.assay.model.JobMetric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalCommandTest {
  private static final Duration DEFAULT = Duration.ofMinutes(10);

  private static JobMetric job(Map<String, Object> annotations, Map<String, Object> podSpec, Long deadline) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("template", Map.of("spec", podSpec));
    if (deadline != null) {
      spec.put("activeDeadlineSeconds", deadline);
    }
    return new JobMetric(Map.of("annotations", annotations), spec);
  }

  @SafeVarargs
  private static Map<String, Object> containers(Map<String, Object>... containers) {
    List<Map<String, Object>> list = new java.util.ArrayList<>();
    for (Map<String, Object> c : containers) {
      list.add(c);
    }
    return Map.of("containers", list);
  }

  @Test
  void from_commandArgsEnvDirAndDeadline() {
    Map<String, Object> c = Map.of("name", "c", "command", List.of("python3", "-c"), "args", List.of("print(1)"),
        "env", List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B")), "workingDir", "/tmp");

    LocalCommand cmd = LocalCommand.from(job(Map.of(), containers(c), 30L), DEFAULT);

    assertThat(cmd.argv()).containsExactly("python3", "-c", "print(1)");
    assertThat(cmd.environment()).containsExactly(Map.entry("A", "1"), Map.entry("B", ""));
    assertThat(cmd.workingDirectory()).isEqualTo(Path.of("/tmp"));
    assertThat(cmd.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(cmd.jsonResult()).isFalse();
    assertThat(cmd.toString()).doesNotContain("print(1)");
  }

  @Test
  void from_argsOnlyNoDeadlineJsonOptIn() {
    Map<String, Object> c = Map.of("name", "c", "args", List.of("true"));

    LocalCommand cmd = LocalCommand.from(
        job(Map.of(JobRunner.RESULT_ANNOTATION, "last-line-json"), containers(c), null), DEFAULT);

    assertThat(cmd.argv()).containsExactly("true");
    assertThat(cmd.timeout()).isEqualTo(DEFAULT);
    assertThat(cmd.jsonResult()).isTrue();
  }

  @Test
  void from_twoContainers_rejected() {
    Map<String, Object> c = Map.of("name", "c", "command", List.of("true"));

    assertThatThrownBy(() -> LocalCommand.from(job(Map.of(), containers(c, c), null), DEFAULT))
        .isInstanceOf(JobSpecException.class)
        .hasMessage("job.spec.template.spec.containers: the local runner needs exactly one container, but found 2");
  }

  @Test
  void from_noCommand_rejected() {
    assertThatThrownBy(() -> LocalCommand.from(job(Map.of(), containers(Map.of("name", "c")), null), DEFAULT))
        .hasMessageStartingWith("job.spec.template.spec.containers[0].command: ");
  }

  @Test
  void from_envValueFrom_rejectedNamingTheEntry() {
    Map<String, Object> c = Map.of("name", "c", "command", List.of("true"), "env", List.of(
        Map.of("name", "A", "value", "1"),
        Map.of("name", "B", "valueFrom", Map.of("secretKeyRef", Map.of("name", "s", "key", "k")))));

    assertThatThrownBy(() -> LocalCommand.from(job(Map.of(), containers(c), null), DEFAULT))
        .hasMessage("job.spec.template.spec.containers[0].env[1].valueFrom: not supported by the local runner;"
            + " use value");
  }

  @Test
  void from_initContainersOrBadDeadlineOrBadResultAnnotation_rejected() {
    Map<String, Object> c = Map.of("name", "c", "command", List.of("true"));
    Map<String, Object> withInit = Map.of("containers", List.of(c), "initContainers", List.of(c));

    assertThatThrownBy(() -> LocalCommand.from(job(Map.of(), withInit, null), DEFAULT))
        .hasMessageStartingWith("job.spec.template.spec.initContainers: ");
    assertThatThrownBy(() -> LocalCommand.from(job(Map.of(), containers(c), 0L), DEFAULT))
        .hasMessage("job.spec.activeDeadlineSeconds: must be > 0, but was 0");
    assertThatThrownBy(() -> LocalCommand.from(job(Map.of(JobRunner.RESULT_ANNOTATION, "yes"), containers(c), null),
        DEFAULT)).hasMessageStartingWith("job.metadata.annotations[assay.dev/result]: ");
  }

  @Test
  void runnerAnnotation_parsedOrRejected() {
    assertThat(JobRunner.fromMetadata(Map.of())).isEmpty();
    assertThat(JobRunner.fromMetadata(Map.of("annotations", Map.of(JobRunner.RUNNER_ANNOTATION, "Local"))))
        .contains(JobRunner.LOCAL);
    assertThat(JobRunner.fromMetadata(Map.of("annotations", Map.of(JobRunner.RUNNER_ANNOTATION, "kubernetes"))))
        .contains(JobRunner.KUBERNETES);
    assertThatThrownBy(() -> JobRunner.fromMetadata(Map.of("annotations", Map.of(JobRunner.RUNNER_ANNOTATION, "k8s"))))
        .isInstanceOf(JobSpecException.class)
        .hasMessage("job.metadata.annotations[assay.dev/runner]: must be \"kubernetes\" or \"local\", but was \"k8s\"");
  }
}
