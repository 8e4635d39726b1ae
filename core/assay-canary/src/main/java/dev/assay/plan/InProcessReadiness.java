/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ReadinessCheck} whose pods are set from outside: by a test, or by an embedder whose platform pushes
 * instance health (events from a VM group, a service registry's callbacks) instead of being asked. The runner polls
 * it like any check; {@link #check()} answers the pods set so far, in the order they were first set, Ready when at
 * least {@link #expectedPods(int) expectedPods} of them are Ready.
 *
 * <p>Thread-safe: pods may be set from any thread while a runner polls.
 */
public final class InProcessReadiness implements ReadinessCheck {
  private final Map<String, PodReadiness> pods = new LinkedHashMap<>();
  private int expected;

  /**
   * Creates the check with no pods yet.
   *
   * @param expectedPods how many Ready pods make the canary Ready; not negative
   */
  public InProcessReadiness(int expectedPods) {
    expectedPods(expectedPods);
  }

  /**
   * Changes how many Ready pods make the canary Ready (as after scaling the canary).
   *
   * @param expectedPods the number; not negative
   * @return this check
   */
  public synchronized InProcessReadiness expectedPods(int expectedPods) {
    if (expectedPods < 0) {
      throw new IllegalArgumentException("expectedPods must not be negative, but was " + expectedPods);
    }
    this.expected = expectedPods;
    return this;
  }

  /**
   * Marks pods Ready, adding the ones not seen before.
   *
   * @param podNames the pods
   * @return this check
   */
  public synchronized InProcessReadiness setReady(String... podNames) {
    for (String name : podNames) {
      pods.put(name, PodReadiness.ready(name));
    }
    return this;
  }

  /**
   * Marks a pod not Ready, adding it if it was not seen before.
   *
   * @param podName the pod
   * @param reason why, such as {@code CrashLoopBackOff (back-off 5m0s restarting failed container=app ...)}
   * @return this check
   */
  public synchronized InProcessReadiness setNotReady(String podName, String reason) {
    pods.put(podName, PodReadiness.notReady(podName, Objects.requireNonNull(reason, "reason")));
    return this;
  }

  /**
   * Forgets a pod, as when it is deleted.
   *
   * @param podName the pod
   * @return this check
   */
  public synchronized InProcessReadiness remove(String podName) {
    pods.remove(podName);
    return this;
  }

  /**
   * The pods set so far and whether enough of them are Ready.
   *
   * @return the readiness now
   */
  @Override
  public synchronized Readiness check() {
    return Readiness.of(expected, new ArrayList<>(pods.values()));
  }

  /**
   * The pods set so far, in the order they were first set.
   *
   * @return a copy of the pods
   */
  public synchronized List<PodReadiness> pods() {
    return List.copyOf(pods.values());
  }
}
