/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

/**
 * Tells a {@link PlanRunner} whether the canary's pods (or instances) are Ready, as Argo Rollouts waits for the canary
 * ReplicaSet to be available before it goes past a {@code setWeight} step. After every {@code setWeight} step with a
 * weight above 0 the runner asks {@link #check()} on its scheduler, every poll interval, until the answer is Ready or
 * the progress deadline passes (see {@code docs/readiness.md}).
 *
 * <p>Implementations: {@link #ALWAYS_READY} (the default: no waiting), {@link InProcessReadiness} (state pushed by
 * the embedder or a test), and {@code dev.assay.controller.KubernetesReadinessCheck} (the canary's pods in a cluster).
 * Called on the runner's scheduler thread with the runner's lock held, so keep a check short (one API call).
 */
@FunctionalInterface
public interface ReadinessCheck {
  /** Always Ready, with no pods: the plan never waits. The runner's default. */
  ReadinessCheck ALWAYS_READY = () -> Readiness.ALWAYS;

  /**
   * The canary's readiness now. Asked repeatedly while the runner waits.
   *
   * @return the readiness; never null
   * @throws Exception when it cannot be told (an API error): the runner counts that poll as not Ready, with the
   *     exception's text as the reason, and keeps polling until the deadline
   */
  Readiness check() throws Exception;
}
