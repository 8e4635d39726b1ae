/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.Objects;

/**
 * One canary pod (or instance) and whether it is Ready.
 *
 * @param name the pod's name, such as {@code web-7f9c-abcde}
 * @param ready whether it is Ready (and not being deleted)
 * @param reason why it is not Ready, such as
 *     {@code CrashLoopBackOff (back-off 5m0s restarting failed container=app pod=web-7f9c-abcde)},
 *     {@code ImagePullBackOff (...)} or {@code not scheduled: Unschedulable (0/3 nodes are available ...)}; empty when
 *     Ready or unknown
 */
public record PodReadiness(String name, boolean ready, String reason) {
  /**
   * Validates the components.
   *
   * @param name the pod's name, such as {@code web-7f9c-abcde}
   * @param ready whether it is Ready (and not being deleted)
   * @param reason why it is not Ready; empty when Ready or unknown
   */
  public PodReadiness {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A Ready pod.
   *
   * @param name the pod's name
   * @return the pod
   */
  public static PodReadiness ready(String name) {
    return new PodReadiness(name, true, "");
  }

  /**
   * A pod that is not Ready.
   *
   * @param name the pod's name
   * @param reason why, such as {@code ImagePullBackOff (Back-off pulling image "web:2.0")}
   * @return the pod
   */
  public static PodReadiness notReady(String name, String reason) {
    return new PodReadiness(name, false, reason);
  }
}
