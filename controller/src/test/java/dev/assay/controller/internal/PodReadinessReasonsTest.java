/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.plan.PodReadiness;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodReadinessReasonsTest {
  private static PodCondition condition(String type, String status, String reason, String message) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
  }

  private static ContainerStatus waiting(String container, String reason, String message) {
    return new ContainerStatusBuilder().withName(container).withReady(false).withNewState().withNewWaiting()
        .withReason(reason).withMessage(message).endWaiting().endState().build();
  }

  private static ContainerStatus terminated(String container, String reason, int exitCode, String message) {
    return new ContainerStatusBuilder().withName(container).withReady(false).withNewState().withNewTerminated()
        .withReason(reason).withExitCode(exitCode).withMessage(message).endTerminated().endState().build();
  }

  private static ContainerStatus running(String container, boolean ready) {
    return new ContainerStatusBuilder().withName(container).withReady(ready).withNewState().withNewRunning()
        .endRunning().endState().build();
  }

  private static Pod pod(List<PodCondition> conditions, List<ContainerStatus> containers) {
    return new PodBuilder().withNewMetadata().withName("web-7f9c-abcde").withNamespace("shop").endMetadata()
        .withNewStatus().withPhase("Running").withConditions(conditions).withContainerStatuses(containers).endStatus()
        .build();
  }

  @Test
  void readyConditionTrueIsReady() {
    Pod p = pod(List.of(condition("Ready", "True", null, null)), List.of(running("app", true)));

    assertThat(PodReadinessReasons.of(p)).isEqualTo(PodReadiness.ready("web-7f9c-abcde"));
  }

  @Test
  void waitingContainerGivesItsReasonAndMessage() {
    Pod p = pod(List.of(condition("Ready", "False", "ContainersNotReady", "containers with unready status: [app]")),
        List.of(waiting("app", "CrashLoopBackOff",
            "back-off 5m0s restarting failed container=app pod=web-7f9c-abcde_shop(1f2e)")));

    assertThat(PodReadinessReasons.of(p)).isEqualTo(PodReadiness.notReady("web-7f9c-abcde",
        "CrashLoopBackOff (back-off 5m0s restarting failed container=app pod=web-7f9c-abcde_shop(1f2e))"));
  }

  @Test
  void severalContainersAreNamed() {
    Pod p = pod(List.of(condition("Ready", "False", "ContainersNotReady", null)),
        List.of(running("proxy", true), waiting("app", "ImagePullBackOff", "Back-off pulling image \"web:2.0\""),
            terminated("sidecar", "OOMKilled", 137, "")));

    assertThat(PodReadinessReasons.of(p).reason()).isEqualTo("app: ImagePullBackOff (Back-off pulling image "
        + "\"web:2.0\"), sidecar: terminated: OOMKilled (exit code 137)");
  }

  @Test
  void terminatedContainerGivesReasonExitCodeAndMessage() {
    Pod p = pod(List.of(condition("Ready", "False", null, null)),
        List.of(terminated("app", "Error", 1, "panic: config missing\n")));

    assertThat(PodReadinessReasons.of(p).reason()).isEqualTo("terminated: Error (exit code 1, panic: config missing)");
  }

  @Test
  void initContainersComeFirstAndOnesThatSucceededAreNotReasons() {
    Pod p = new PodBuilder(pod(List.of(condition("Ready", "False", null, null)),
        List.of(waiting("app", "PodInitializing", null)))).editStatus()
        .withInitContainerStatuses(terminated("copy", "Completed", 0, null),
            waiting("migrate", "CrashLoopBackOff", "back-off 40s restarting failed container=migrate"))
        .endStatus().build();

    assertThat(PodReadinessReasons.of(p).reason()).isEqualTo("init container migrate: CrashLoopBackOff (back-off 40s "
        + "restarting failed container=migrate), PodInitializing");
  }

  @Test
  void unscheduledPodGivesTheSchedulersReason() {
    Pod p = new PodBuilder().withNewMetadata().withName("web-7f9c-fghij").endMetadata().withNewStatus()
        .withPhase("Pending").withConditions(condition("PodScheduled", "False", "Unschedulable",
            "0/3 nodes are available: 3 Insufficient cpu."))
        .endStatus().build();

    assertThat(PodReadinessReasons.of(p)).isEqualTo(PodReadiness.notReady("web-7f9c-fghij",
        "not scheduled: Unschedulable (0/3 nodes are available: 3 Insufficient cpu.)"));
  }

  @Test
  void aPodBeingDeletedIsNotReadyEvenWhenItsConditionSaysSo() {
    Pod p = new PodBuilder(pod(List.of(condition("Ready", "True", null, null)), List.of(running("app", true))))
        .editMetadata().withDeletionTimestamp("2026-01-01T00:10:00Z").endMetadata().build();

    assertThat(PodReadinessReasons.of(p)).isEqualTo(PodReadiness.notReady("web-7f9c-abcde",
        "being deleted (since 2026-01-01T00:10:00Z)"));
  }

  @Test
  void withoutContainerReasonsThePodsOrTheReadyConditionsReasonIsUsed() {
    Pod evicted = new PodBuilder().withNewMetadata().withName("a").endMetadata().withNewStatus().withPhase("Failed")
        .withReason("Evicted").withMessage("The node was low on resource: memory.").endStatus().build();
    Pod probe = pod(List.of(condition("Ready", "False", "ContainersNotReady", "containers with unready status: "
        + "[app]")), List.of(running("app", false)));
    Pod bare = new PodBuilder().withNewMetadata().withName("c").endMetadata().build();
    Pod pending = new PodBuilder().withNewMetadata().withName("d").endMetadata().withNewStatus().withPhase("Pending")
        .endStatus().build();

    assertThat(PodReadinessReasons.of(evicted).reason()).isEqualTo("Evicted (The node was low on resource: memory.)");
    assertThat(PodReadinessReasons.of(probe).reason())
        .isEqualTo("ContainersNotReady (containers with unready status: [app])");
    assertThat(PodReadinessReasons.of(bare).reason()).isEqualTo("no status yet");
    assertThat(PodReadinessReasons.of(pending).reason()).isEqualTo("not Ready (phase Pending)");
  }
}
