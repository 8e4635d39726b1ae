/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a controller replica selects runs, shares them with other replicas and writes to the API server. Built with
 * {@link #builder()}; every field has a default suited to a real cluster. See {@code docs/controller.md} for the
 * environment variables and flags of the runnable main.
 *
 * @param namespace the namespace to watch; empty (the default) for all namespaces
 * @param instanceId the value of the {@code argo-rollouts.argoproj.io/controller-instance-id} label of the runs this
 *     controller reconciles (default {@code assay}); empty to reconcile the runs without that label, which is what an
 *     Argo controller without an instance id does, so only set it empty when no such Argo controller runs
 * @param extraLabels further labels a run must carry (equality match), never null
 * @param identity this replica's name in leases (default: the {@code HOSTNAME}, which is the pod name)
 * @param leaseNamespace where the leases live (default {@code default})
 * @param leaseName prefix of the lease names (default {@code assay-controller}): shard {@code i} is
 *     {@code <leaseName>-shard-<i>}, replica {@code r} announces itself in {@code <leaseName>-member-<r>}
 * @param shards how many shards the runs are split into (default 1: plain leader election); every replica must use
 *     the same number
 * @param leaseDuration how long a lease stays valid without renewal (default 15 s); whole seconds are written
 * @param renewDeadline how long a holder keeps working without a successful renewal (default 10 s, less than the
 *     lease duration)
 * @param retryPeriod how often leases are renewed and other replicas' leases checked (default 2 s)
 * @param workers how many runs are reconciled at the same time (default 4)
 * @param events whether Kubernetes Events are written, as Argo does (default true)
 * @param shutdownGrace how long a shutdown waits for in-flight reconciles before handing their shards back
 *     (default 30 s)
 * @param conflictRetries how many times a status write is retried after a conflict (default 5)
 * @param statusSubresource whether status is written through the {@code /status} subresource (true) or with the whole
 *     object (false, the default): Argo's published AnalysisRun CRD declares no status subresource, so Argo and this
 *     controller write the object; set true only for a CRD that declares {@code subresources: {status: {}}}. Both
 *     writes carry the resource version read
 */
public record ControllerSettings(
    String namespace,
    String instanceId,
    Map<String, String> extraLabels,
    String identity,
    String leaseNamespace,
    String leaseName,
    int shards,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    int workers,
    boolean events,
    Duration shutdownGrace,
    int conflictRetries,
    boolean statusSubresource) {

  /** The label Argo uses to tell controller instances apart. */
  public static final String INSTANCE_ID_LABEL = "argo-rollouts.argoproj.io/controller-instance-id";

  /**
   * Validates the values.
   *
   * @param namespace the namespace to watch; empty (the default) for all namespaces
   * @param instanceId the value of the {@code argo-rollouts.argoproj.io/controller-instance-id} label of the runs this
   *     controller reconciles (default {@code assay}); empty to reconcile the runs without that label, which is what an
   *     Argo controller without an instance id does, so only set it empty when no such Argo controller runs
   * @param extraLabels further labels a run must carry (equality match), never null
   * @param identity this replica's name in leases (default: the {@code HOSTNAME}, which is the pod name)
   * @param leaseNamespace where the leases live (default {@code default})
   * @param leaseName prefix of the lease names (default {@code assay-controller}): shard {@code i} is
   *     {@code <leaseName>-shard-<i>}, replica {@code r} announces itself in {@code <leaseName>-member-<r>}
   * @param shards how many shards the runs are split into (default 1: plain leader election); every replica must use
   *     the same number
   * @param leaseDuration how long a lease stays valid without renewal (default 15 s); whole seconds are written
   * @param renewDeadline how long a holder keeps working without a successful renewal (default 10 s, less than the
   *     lease duration)
   * @param retryPeriod how often leases are renewed and other replicas' leases checked (default 2 s)
   * @param workers how many runs are reconciled at the same time (default 4)
   * @param events whether Kubernetes Events are written, as Argo does (default true)
   * @param shutdownGrace how long a shutdown waits for in-flight reconciles before handing their shards back
   *     (default 30 s)
   * @param conflictRetries how many times a status write is retried after a conflict (default 5)
   * @param statusSubresource whether status is written through the {@code /status} subresource (true) or with the whole
   *     object (false, the default): Argo's published AnalysisRun CRD declares no status subresource, so Argo and this
   *     controller write the object; set true only for a CRD that declares {@code subresources: {status: {}}}. Both
   *     writes carry the resource version read
   */
  public ControllerSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(instanceId, "instanceId");
    extraLabels = Map.copyOf(extraLabels);
    Objects.requireNonNull(identity, "identity");
    if (identity.isEmpty()) {
      throw new IllegalArgumentException("identity must not be empty");
    }
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(leaseName, "leaseName");
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be >= 1, but was " + shards);
    }
    if (leaseDuration.toSeconds() < 1) {
      throw new IllegalArgumentException("leaseDuration must be at least 1s, but was " + leaseDuration);
    }
    if (renewDeadline.compareTo(leaseDuration) >= 0 || renewDeadline.isNegative() || renewDeadline.isZero()) {
      throw new IllegalArgumentException(
          "renewDeadline must be > 0 and < leaseDuration (" + leaseDuration + "), but was " + renewDeadline);
    }
    if (retryPeriod.compareTo(renewDeadline) >= 0 || retryPeriod.isNegative() || retryPeriod.isZero()) {
      throw new IllegalArgumentException(
          "retryPeriod must be > 0 and < renewDeadline (" + renewDeadline + "), but was " + retryPeriod);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, but was " + workers);
    }
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must be >= 0, but was " + shutdownGrace);
    }
    if (conflictRetries < 0) {
      throw new IllegalArgumentException("conflictRetries must be >= 0, but was " + conflictRetries);
    }
  }

  /**
   * The labels a run must carry to be reconciled here: the instance id (when set) and the extra labels.
   *
   * @return label to value
   */
  public Map<String, String> requiredLabels() {
    Map<String, String> all = new LinkedHashMap<>(extraLabels);
    if (!instanceId.isEmpty()) {
      all.put(INSTANCE_ID_LABEL, instanceId);
    }
    return all;
  }

  /**
   * A builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.namespace = namespace;
    b.instanceId = instanceId;
    b.extraLabels = new LinkedHashMap<>(extraLabels);
    b.identity = identity;
    b.leaseNamespace = leaseNamespace;
    b.leaseName = leaseName;
    b.shards = shards;
    b.leaseDuration = leaseDuration;
    b.renewDeadline = renewDeadline;
    b.retryPeriod = retryPeriod;
    b.workers = workers;
    b.events = events;
    b.shutdownGrace = shutdownGrace;
    b.conflictRetries = conflictRetries;
    b.statusSubresource = statusSubresource;
    return b;
  }

  /** Builds {@link ControllerSettings}; each setter documents nothing beyond the record component. Not thread-safe. */
  public static final class Builder {
    private String namespace = "";
    private String instanceId = "assay";
    private Map<String, String> extraLabels = new LinkedHashMap<>();
    private String identity = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "assay-controller");
    private String leaseNamespace = "default";
    private String leaseName = "assay-controller";
    private int shards = 1;
    private Duration leaseDuration = Duration.ofSeconds(15);
    private Duration renewDeadline = Duration.ofSeconds(10);
    private Duration retryPeriod = Duration.ofSeconds(2);
    private int workers = 4;
    private boolean events = true;
    private Duration shutdownGrace = Duration.ofSeconds(30);
    private int conflictRetries = 5;
    private boolean statusSubresource;

    private Builder() {}

    /**
     * Sets {@link ControllerSettings#namespace()}.
     *
     * @param value the namespace, empty for all
     * @return this builder
     */
    public Builder namespace(String value) {
      namespace = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#instanceId()}.
     *
     * @param value the instance id, empty for runs without the label
     * @return this builder
     */
    public Builder instanceId(String value) {
      instanceId = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#extraLabels()}.
     *
     * @param value label to value
     * @return this builder
     */
    public Builder extraLabels(Map<String, String> value) {
      extraLabels = new LinkedHashMap<>(value);
      return this;
    }

    /**
     * Sets {@link ControllerSettings#identity()}.
     *
     * @param value the replica name
     * @return this builder
     */
    public Builder identity(String value) {
      identity = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#leaseNamespace()}.
     *
     * @param value the namespace
     * @return this builder
     */
    public Builder leaseNamespace(String value) {
      leaseNamespace = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#leaseName()}.
     *
     * @param value the prefix
     * @return this builder
     */
    public Builder leaseName(String value) {
      leaseName = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#shards()}.
     *
     * @param value the number of shards
     * @return this builder
     */
    public Builder shards(int value) {
      shards = value;
      return this;
    }

    /**
     * Sets the three lease timings together.
     *
     * @param duration {@link ControllerSettings#leaseDuration()}
     * @param renew {@link ControllerSettings#renewDeadline()}
     * @param retry {@link ControllerSettings#retryPeriod()}
     * @return this builder
     */
    public Builder leaseTiming(Duration duration, Duration renew, Duration retry) {
      leaseDuration = duration;
      renewDeadline = renew;
      retryPeriod = retry;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#workers()}.
     *
     * @param value the number of worker threads
     * @return this builder
     */
    public Builder workers(int value) {
      workers = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#events()}.
     *
     * @param value whether to write Events
     * @return this builder
     */
    public Builder events(boolean value) {
      events = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#shutdownGrace()}.
     *
     * @param value the grace period
     * @return this builder
     */
    public Builder shutdownGrace(Duration value) {
      shutdownGrace = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#conflictRetries()}.
     *
     * @param value the number of retries
     * @return this builder
     */
    public Builder conflictRetries(int value) {
      conflictRetries = value;
      return this;
    }

    /**
     * Sets {@link ControllerSettings#statusSubresource()}.
     *
     * @param value true to write {@code /status}
     * @return this builder
     */
    public Builder statusSubresource(boolean value) {
      statusSubresource = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException when a value is out of range
     */
    public ControllerSettings build() {
      return new ControllerSettings(namespace, instanceId, extraLabels, identity, leaseNamespace, leaseName, shards,
          leaseDuration, renewDeadline, retryPeriod, workers, events, shutdownGrace, conflictRetries,
          statusSubresource);
    }
  }
}
