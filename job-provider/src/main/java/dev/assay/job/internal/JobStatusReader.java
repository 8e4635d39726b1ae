/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import dev.assay.model.AnalysisPhase;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Maps a job's status and its pods' container states to a measurement phase, as Argo does. Stateless. */
public final class JobStatusReader {
  /** Waiting reasons that mean the job can never start. */
  static final Set<String> TERMINAL_WAITING_REASONS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName");

  private JobStatusReader() {}

  /**
   * The phase the job's conditions decide: {@code Complete} gives Successful and {@code Failed} gives Failed; the last
   * such condition wins. Like Argo, the condition's {@code status} is not checked and other types are ignored.
   *
   * @param job the job
   * @return the phase, or empty while the job has neither condition
   */
  public static Optional<AnalysisPhase> conditionPhase(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    AnalysisPhase phase = null;
    for (JobCondition condition : job.getStatus().getConditions()) {
      if ("Complete".equals(condition.getType())) {
        phase = AnalysisPhase.SUCCESSFUL;
      } else if ("Failed".equals(condition.getType())) {
        phase = AnalysisPhase.FAILED;
      }
    }
    return Optional.ofNullable(phase);
  }

  /**
   * Argo's message for pods stuck on an image that can never be pulled: one line
   * {@code Pod <pod>, container <c> has terminal error (<reason>): <message>\n} per waiting init or regular container
   * with reason {@code ErrImagePull}, {@code ImagePullBackOff} or {@code InvalidImageName}.
   *
   * @param pods the job's pods
   * @return the message, empty when no container is stuck
   */
  public static String terminalPodErrors(List<Pod> pods) {
    StringBuilder message = new StringBuilder();
    for (Pod pod : pods) {
      if (pod.getStatus() == null) {
        continue;
      }
      String podName = pod.getMetadata() == null ? "" : pod.getMetadata().getName();
      appendTerminal(message, podName, pod.getStatus().getInitContainerStatuses());
      appendTerminal(message, podName, pod.getStatus().getContainerStatuses());
    }
    return message.toString();
  }

  private static void appendTerminal(StringBuilder message, String podName, List<ContainerStatus> statuses) {
    if (statuses == null) {
      return;
    }
    for (ContainerStatus status : statuses) {
      ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
      if (waiting != null && waiting.getReason() != null && TERMINAL_WAITING_REASONS.contains(waiting.getReason())) {
        message
            .append("Pod ")
            .append(podName)
            .append(", container ")
            .append(status.getName())
            .append(" has terminal error (")
            .append(waiting.getReason())
            .append("): ")
            .append(waiting.getMessage() == null ? "" : waiting.getMessage())
            .append('\n');
      }
    }
  }
}
