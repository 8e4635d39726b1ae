/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.controller.internal.PodReadinessReasons;
import dev.assay.plan.PodReadiness;
import dev.assay.plan.Readiness;
import dev.assay.plan.ReadinessCheck;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The canary's readiness from its pods in a cluster, for {@code PlanRunnerBuilder.readiness}: the pods matching a
 * label selector (the canary's {@code rollouts-pod-template-hash}, see {@link Builder#podTemplateHash}), each Ready
 * when its {@code Ready} condition is True and it is not being deleted; the canary is Ready when at least the
 * expected number are. The expected number is fixed or read at every check from a ReplicaSet's
 * {@code spec.replicas}. Pods that are not Ready are explained by their container {@code waiting} / {@code terminated}
 * reasons or the scheduler's {@code PodScheduled=False} condition (docs/readiness.md).
 *
 * <p>Each check is one {@code list} of pods (and one {@code get} of the ReplicaSet when configured): the service
 * account needs {@code list} on {@code pods} and {@code get} on {@code replicasets}. Thread-safe.
 */
public final class KubernetesReadinessCheck implements ReadinessCheck {
  /** The label Argo Rollouts puts on a ReplicaSet's pods: the hash of their pod template. */
  public static final String POD_TEMPLATE_HASH_LABEL = "rollouts-pod-template-hash";

  private final KubernetesClient client;
  private final String namespace;
  private final Map<String, String> selector;
  private final int expectedPods;
  private final @Nullable String replicaSet;

  private KubernetesReadinessCheck(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client");
    this.namespace = Objects.requireNonNull(b.namespace, "namespace");
    if (b.selector.isEmpty()) {
      throw new IllegalArgumentException("the canary's pods need a label selector (such as "
          + POD_TEMPLATE_HASH_LABEL + "); an empty one would select every pod of namespace " + namespace);
    }
    this.selector = Map.copyOf(b.selector);
    if ((b.expectedPods < 0) == (b.replicaSet == null)) {
      throw new IllegalArgumentException("set exactly one of expectedPods(int) and expectedPodsFromReplicaSet(name)");
    }
    this.expectedPods = b.expectedPods;
    this.replicaSet = b.replicaSet;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lists the canary's pods and tells whether enough are Ready.
   *
   * @return the readiness, pods ordered by name
   * @throws IllegalStateException when the ReplicaSet to read the expected number from does not exist
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server refuses or cannot be reached
   */
  @Override
  public Readiness check() {
    int expected = expected();
    List<Pod> items = new ArrayList<>(client.pods().inNamespace(namespace).withLabels(selector).list().getItems());
    items.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    List<PodReadiness> pods = new ArrayList<>(items.size());
    for (Pod p : items) {
      pods.add(PodReadinessReasons.of(p));
    }
    return Readiness.of(expected, pods);
  }

  private int expected() {
    if (replicaSet == null) {
      return expectedPods;
    }
    ReplicaSet rs = client.apps().replicaSets().inNamespace(namespace).withName(replicaSet).get();
    if (rs == null) {
      throw new IllegalStateException("ReplicaSet " + namespace + "/" + replicaSet + " not found");
    }
    Integer replicas = rs.getSpec() == null ? null : rs.getSpec().getReplicas();
    return replicas == null ? 1 : replicas; // Kubernetes defaults spec.replicas to 1
  }

  @Override
  public String toString() {
    return "KubernetesReadinessCheck[" + namespace + " " + selector + ", expected "
        + (replicaSet == null ? Integer.toString(expectedPods) : "replicas of ReplicaSet " + replicaSet) + "]";
  }

  /** Builds a {@link KubernetesReadinessCheck}. Not thread-safe. */
  public static final class Builder {
    private @Nullable KubernetesClient client;
    private @Nullable String namespace;
    private final Map<String, String> selector = new LinkedHashMap<>();
    private int expectedPods = -1;
    private @Nullable String replicaSet;

    private Builder() {}

    /**
     * The client (required; not closed by the check).
     *
     * @param kubernetes the client
     * @return this builder
     */
    public Builder client(KubernetesClient kubernetes) {
      this.client = Objects.requireNonNull(kubernetes, "kubernetes");
      return this;
    }

    /**
     * The canary's namespace (required).
     *
     * @param name the namespace
     * @return this builder
     */
    public Builder namespace(String name) {
      this.namespace = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Adds labels the canary's pods carry (all must match; at least one label is required).
     *
     * @param labels the labels
     * @return this builder
     */
    public Builder selector(Map<String, String> labels) {
      selector.putAll(labels);
      return this;
    }

    /**
     * Selects the pods of one pod template: adds the label
     * {@value KubernetesReadinessCheck#POD_TEMPLATE_HASH_LABEL} with the hash, as Argo labels a Rollout's
     * ReplicaSets (for a Deployment's ReplicaSets use {@code pod-template-hash} with {@link #selector}).
     *
     * @param hash the canary's pod-template hash
     * @return this builder
     */
    public Builder podTemplateHash(String hash) {
      selector.put(POD_TEMPLATE_HASH_LABEL, Objects.requireNonNull(hash, "hash"));
      return this;
    }

    /**
     * How many Ready pods make the canary Ready (this or {@link #expectedPodsFromReplicaSet} is required).
     *
     * @param pods the number, not negative
     * @return this builder
     */
    public Builder expectedPods(int pods) {
      if (pods < 0) {
        throw new IllegalArgumentException("expectedPods must not be negative, but was " + pods);
      }
      this.expectedPods = pods;
      this.replicaSet = null;
      return this;
    }

    /**
     * Reads how many Ready pods make the canary Ready from a ReplicaSet's {@code spec.replicas} (1 when unset), at
     * every check, so that a canary scaled during the plan is followed.
     *
     * @param name the ReplicaSet, in the canary's namespace
     * @return this builder
     */
    public Builder expectedPodsFromReplicaSet(String name) {
      this.replicaSet = Objects.requireNonNull(name, "name");
      this.expectedPods = -1;
      return this;
    }

    /**
     * Builds the check.
     *
     * @return the check
     * @throws NullPointerException when the client or namespace is missing
     * @throws IllegalArgumentException when the selector is empty or the expected number is not set
     */
    public KubernetesReadinessCheck build() {
      return new KubernetesReadinessCheck(this);
    }
  }
}
