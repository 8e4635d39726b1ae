/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobStatusReaderTest {
  private static ContainerStatus waiting(String name, String reason, String message) {
    return new ContainerStatusBuilder().withName(name).withNewState().withNewWaiting().withReason(reason)
        .withMessage(message).endWaiting().endState().build();
  }

  private static Pod pod(String name, List<ContainerStatus> init, List<ContainerStatus> main) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewStatus().withInitContainerStatuses(init).withContainerStatuses(main).endStatus().build();
  }

  private static Job job(String... types) {
    JobBuilder b = new JobBuilder().withNewStatus().endStatus();
    Job job = b.build();
    for (String type : types) {
      job.getStatus().getConditions().add(new JobConditionBuilder().withType(type).withStatus("True").build());
    }
    return job;
  }

  @Test
  void terminalPodErrors_oneLinePerStuckContainer_initFirst() {
    List<Pod> pods = List.of(
        pod("p1", List.of(waiting("init", "InvalidImageName", "bad ref")),
            List.of(waiting("main", "PodInitializing", ""), waiting("side", "ImagePullBackOff", "back-off"))),
        pod("p2", List.of(), List.of(waiting("main", "ErrImagePull", "denied"))));

    assertThat(JobStatusReader.terminalPodErrors(pods)).isEqualTo(
        "Pod p1, container init has terminal error (InvalidImageName): bad ref\n"
            + "Pod p1, container side has terminal error (ImagePullBackOff): back-off\n"
            + "Pod p2, container main has terminal error (ErrImagePull): denied\n");
  }

  @Test
  void terminalPodErrors_otherReasonsOrNoStatus_empty() {
    List<Pod> pods = List.of(pod("p1", List.of(), List.of(waiting("main", "CrashLoopBackOff", "x"))),
        new PodBuilder().withNewMetadata().withName("p2").endMetadata().build());

    assertThat(JobStatusReader.terminalPodErrors(pods)).isEmpty();
  }

  @Test
  void conditionPhase_lastCompleteOrFailedWins_othersIgnored() {
    assertThat(JobStatusReader.conditionPhase(job())).isEmpty();
    assertThat(JobStatusReader.conditionPhase(job("SuccessCriteriaMet", "FailureTarget"))).isEmpty();
    assertThat(JobStatusReader.conditionPhase(job("Failed", "Complete"))).contains(AnalysisPhase.SUCCESSFUL);
    assertThat(JobStatusReader.conditionPhase(job("Complete", "Suspended", "Failed"))).contains(AnalysisPhase.FAILED);
    assertThat(JobStatusReader.conditionPhase(new Job())).isEmpty();
  }
}
