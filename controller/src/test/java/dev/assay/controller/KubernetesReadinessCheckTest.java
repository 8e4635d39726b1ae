/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static dev.assay.controller.MockCluster.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.PodReadiness;
import dev.assay.plan.Readiness;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The canary's pods on fabric8's mock API server (CRUD mode) drive a plan on a manual scheduler. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesReadinessCheckTest {
  static KubernetesClient client;

  private static final String CANARY = "7f9c";
  private static final List<String> PODS = List.of("web-7f9c-aaaaa", "web-7f9c-bbbbb", "web-7f9c-ccccc");
  private static final String CRASH = "back-off 5m0s restarting failed container=app pod=web-7f9c-bbbbb_shop(1f2e)";

  private final ManualClock clock = ManualClock.atEpochOf2026();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AnalysisEngine engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).build();
  private final List<Integer> weights = new CopyOnWriteArrayList<>();

  @AfterEach
  void clean() {
    engine.close();
    client.pods().inNamespace(NS).delete();
    client.apps().replicaSets().inNamespace(NS).delete();
  }

  private static PodStatus notReady(String reason, String message) {
    return new PodStatusBuilder().withPhase("Running")
        .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
        .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady").endCondition()
        .addNewContainerStatus().withName("app").withReady(false).withNewState().withNewWaiting().withReason(reason)
        .withMessage(message).endWaiting().endState().endContainerStatus().build();
  }

  private static PodStatus ready() {
    return new PodStatusBuilder().withPhase("Running")
        .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewContainerStatus().withName("app").withReady(true).withNewState().withNewRunning().endRunning()
        .endState().endContainerStatus().build();
  }

  private static void createPod(String name, String hash, PodStatus status) {
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
        .addToLabels("app", "web").addToLabels(KubernetesReadinessCheck.POD_TEMPLATE_HASH_LABEL, hash).endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("registry.local/web:2.0").endContainer().endSpec()
        .withStatus(status).build()).create();
  }

  /** Writes a pod's status through the status subresource, as the kubelet does. */
  private static void setStatus(String name, PodStatus status) {
    Pod current = client.pods().inNamespace(NS).withName(name).get();
    client.pods().inNamespace(NS).resource(new PodBuilder(current).withStatus(status).build()).updateStatus();
  }

  private static void createReplicaSet(String name, int replicas) {
    client.apps().replicaSets().inNamespace(NS).resource(new ReplicaSetBuilder().withNewMetadata().withName(name)
        .withNamespace(NS).endMetadata().withNewSpec().withReplicas(replicas).withNewSelector()
        .addToMatchLabels(KubernetesReadinessCheck.POD_TEMPLATE_HASH_LABEL, CANARY).endSelector().endSpec().build())
        .create();
  }

  private KubernetesReadinessCheck check() {
    return KubernetesReadinessCheck.builder().client(client).namespace(NS).selector(Map.of("app", "web"))
        .podTemplateHash(CANARY).expectedPodsFromReplicaSet("web-" + CANARY).build();
  }

  @Test
  void podsFlippingReadyAndNotReadyDriveThePlan() {
    createReplicaSet("web-" + CANARY, 3);
    for (String pod : PODS) {
      createPod(pod, CANARY, notReady("ContainerCreating", null));
    }
    createPod("web-5d8e-stabl", "5d8e", ready()); // a stable pod: not the canary's
    CanaryPlan plan = CanaryPlan.of(CanaryStep.setWeight(20), CanaryStep.pause(Duration.ofMinutes(1)),
        CanaryStep.setWeight(50), CanaryStep.pause(Duration.ofMinutes(1)), CanaryStep.setWeight(80),
        CanaryStep.pause(Duration.ofMinutes(1)));
    PlanRunner runner = PlanRunner.builder().plan(plan).engine(engine).scheduler(scheduler).clock(clock)
        .router(weights::add).name("web", NS).readiness(check()).progressDeadline(Duration.ofMinutes(5), true)
        .build();

    runner.start();
    scheduler.advanceBy(Duration.ofMinutes(1));
    assertThat(weights).containsExactly(20);
    assertThat(runner.status().message()).isEqualTo("step 1/6 (20%) waits for Ready canary pods (progress deadline "
        + "5m0s): 0 of 3 canary pods Ready; web-7f9c-aaaaa: ContainerCreating; web-7f9c-bbbbb: ContainerCreating; "
        + "web-7f9c-ccccc: ContainerCreating");

    for (String pod : PODS) {
      setStatus(pod, ready());
    }
    scheduler.advanceBy(Duration.ofSeconds(5));
    assertThat(runner.status().message()).startsWith("paused for PT1M at 20%");
    scheduler.advanceBy(Duration.ofMinutes(1));
    assertThat(weights).as("Ready at once after the second setWeight").containsExactly(20, 50);

    setStatus("web-7f9c-bbbbb", notReady("CrashLoopBackOff", CRASH));
    scheduler.advanceBy(Duration.ofMinutes(1)); // the third setWeight finds a crashing pod
    assertThat(weights).containsExactly(20, 50, 80);
    scheduler.advanceBy(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(runner.status().phase()).isEqualTo(PlanPhase.PROGRESSING);
    scheduler.advanceBy(Duration.ofSeconds(1));

    assertThat(runner.status().phase()).isEqualTo(PlanPhase.ROLLED_BACK);
    assertThat(weights).containsExactly(20, 50, 80, 0);
    assertThat(runner.status().message()).isEqualTo("rolled back at step 5/6: progress deadline 5m0s exceeded: 2 of 3 "
        + "canary pods Ready; web-7f9c-bbbbb: CrashLoopBackOff (" + CRASH + ")");
  }

  @Test
  void checkListsOnlyTheSelectedPodsAndReadsTheExpectedNumberAtEveryCheck() {
    createReplicaSet("web-" + CANARY, 2);
    createPod("web-7f9c-aaaaa", CANARY, ready());
    createPod("web-7f9c-bbbbb", CANARY, ready());
    createPod("web-5d8e-stabl", "5d8e", notReady("ImagePullBackOff", "Back-off pulling image"));
    KubernetesReadinessCheck check = check();

    Readiness r = check.check();
    assertThat(r.ready()).isTrue();
    assertThat(r.pods()).containsExactly(PodReadiness.ready("web-7f9c-aaaaa"), PodReadiness.ready("web-7f9c-bbbbb"));

    client.apps().replicaSets().inNamespace(NS).withName("web-" + CANARY)
        .edit(rs -> new ReplicaSetBuilder(rs).editSpec().withReplicas(3).endSpec().build());
    assertThat(check.check().describe()).isEqualTo("2 of 3 canary pods Ready; 1 expected pod does not exist");
  }

  @Test
  void aMissingReplicaSetIsAnErrorTheRunnerCountsAsNotReady() {
    assertThatThrownBy(() -> check().check()).isInstanceOf(IllegalStateException.class)
        .hasMessage("ReplicaSet shop/web-7f9c not found");
    Readiness fixed = KubernetesReadinessCheck.builder().client(client).namespace(NS).podTemplateHash(CANARY)
        .expectedPods(0).build().check();
    assertThat(fixed.ready()).isTrue();
  }

  @Test
  void builderRefusesAnEmptySelectorOrNoExpectedNumber() {
    assertThatThrownBy(() -> KubernetesReadinessCheck.builder().client(client).namespace(NS).expectedPods(1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need a label selector");
    assertThatThrownBy(() -> KubernetesReadinessCheck.builder().client(client).namespace(NS).podTemplateHash("x")
        .build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one of expectedPods(int) and expectedPodsFromReplicaSet(name)");
  }
}
