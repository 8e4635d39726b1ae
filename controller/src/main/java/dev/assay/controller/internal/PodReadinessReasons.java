/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.plan.PodReadiness;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a pod is Ready, and why not, from its status as the kubelet and the scheduler write it (docs/readiness.md):
 * Ready when its {@code Ready} condition is True and it is not being deleted; otherwise the reason is the first that
 * applies of: being deleted, the {@code PodScheduled=False} condition, the containers' {@code waiting} and
 * {@code terminated} states (init containers first), the pod's own reason ({@code Evicted}), the {@code Ready}
 * condition's reason, the phase.
 */
public final class PodReadinessReasons {
  private PodReadinessReasons() {}

  /**
   * The readiness of one pod.
   *
   * @param pod the pod as listed
   * @return the pod's name, whether Ready, and why not
   */
  public static PodReadiness of(Pod pod) {
    String name = pod.getMetadata() == null || pod.getMetadata().getName() == null ? "?" : pod.getMetadata().getName();
    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      return PodReadiness.notReady(name, "being deleted (since " + pod.getMetadata().getDeletionTimestamp() + ")");
    }
    PodStatus status = pod.getStatus();
    PodCondition ready = condition(status, "Ready");
    if (ready != null && "True".equals(ready.getStatus())) {
      return PodReadiness.ready(name);
    }
    return PodReadiness.notReady(name, reason(status, ready));
  }

  private static String reason(@Nullable PodStatus status, @Nullable PodCondition ready) {
    if (status == null) {
      return "no status yet";
    }
    PodCondition scheduled = condition(status, "PodScheduled");
    if (scheduled != null && "False".equals(scheduled.getStatus())) {
      return "not scheduled: " + withMessage(scheduled.getReason(), scheduled.getMessage(), "no reason given");
    }
    List<String> containers = new ArrayList<>();
    containers(status.getInitContainerStatuses(), "init container ", true, containers);
    containers(status.getContainerStatuses(), "", false, containers);
    if (!containers.isEmpty()) {
      return String.join(", ", containers);
    }
    if (status.getReason() != null) {
      return withMessage(status.getReason(), status.getMessage(), "");
    }
    if (ready != null && (ready.getReason() != null || ready.getMessage() != null)) {
      return withMessage(ready.getReason(), ready.getMessage(), "not Ready");
    }
    return status.getPhase() == null ? "not Ready" : "not Ready (phase " + status.getPhase() + ")";
  }

  /**
   * Adds the waiting and terminated states of containers: {@code CrashLoopBackOff (back-off ...)}, prefixed with the
   * container's name when the pod has several. A terminated init container that exited 0 is done, not a problem.
   */
  private static void containers(@Nullable List<ContainerStatus> statuses, String kind, boolean init,
      List<String> out) {
    if (statuses == null) {
      return;
    }
    boolean named = init || statuses.size() > 1;
    for (ContainerStatus c : statuses) {
      String state = state(c.getState(), init);
      if (state != null) {
        out.add(named ? kind + c.getName() + ": " + state : state);
      }
    }
  }

  private static @Nullable String state(@Nullable ContainerState state, boolean init) {
    if (state == null) {
      return null;
    }
    ContainerStateWaiting waiting = state.getWaiting();
    if (waiting != null) {
      return withMessage(waiting.getReason(), waiting.getMessage(), "waiting");
    }
    ContainerStateTerminated terminated = state.getTerminated();
    if (terminated != null && !(init && Integer.valueOf(0).equals(terminated.getExitCode()))) {
      String message = terminated.getMessage();
      String detail = "exit code " + terminated.getExitCode()
          + (message == null || message.isBlank() ? "" : ", " + message.strip());
      return "terminated: " + (terminated.getReason() == null ? "" : terminated.getReason() + " ") + "(" + detail + ")";
    }
    return null;
  }

  private static String withMessage(@Nullable String reason, @Nullable String message, String orElse) {
    boolean hasReason = reason != null && !reason.isBlank();
    boolean hasMessage = message != null && !message.isBlank();
    if (hasReason && hasMessage) {
      return reason + " (" + message.strip() + ")";
    }
    return hasReason ? reason : hasMessage ? message.strip() : orElse;
  }

  private static @Nullable PodCondition condition(@Nullable PodStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return null;
    }
    for (PodCondition c : status.getConditions()) {
      if (type.equals(c.getType())) {
        return c;
      }
    }
    return null;
  }
}
