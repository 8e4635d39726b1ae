/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.spi.MetricProvider;
import dev.assay.template.SecretResolver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Reconciler}. Not thread-safe. */
public final class ReconcilerBuilder {
  /** Default per-call deadline for provider calls. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  final Map<String, MetricProvider> providers = new LinkedHashMap<>();
  ConditionEvaluator evaluator = ConditionEvaluator.standard();
  @Nullable Executor callExecutor;
  Duration callTimeout = DEFAULT_CALL_TIMEOUT;
  SecretResolver secrets = SecretResolver.none();
  boolean preflight;
  private final Function<ReconcilerBuilder, Reconciler> factory;

  ReconcilerBuilder(Function<ReconcilerBuilder, Reconciler> factory) {
    this.factory = factory;
  }

  /**
   * Registers a provider for its {@link MetricProvider#type()}; a later provider of the same type replaces it.
   *
   * @param provider the provider
   * @return this builder
   */
  public ReconcilerBuilder provider(MetricProvider provider) {
    Objects.requireNonNull(provider, "provider");
    providers.put(Objects.requireNonNull(provider.type(), "provider.type()"), provider);
    return this;
  }

  /**
   * Sets how conditions are evaluated. Default: {@link ConditionEvaluator#standard()}.
   *
   * @param evaluator the evaluator
   * @return this builder
   */
  public ReconcilerBuilder conditionEvaluator(ConditionEvaluator evaluator) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    return this;
  }

  /**
   * Sets the executor provider calls run on, concurrently, each with the call deadline. Default: none, so calls run
   * one after another on the reconciling thread and no deadline is enforced. The reconciler never shuts it down.
   *
   * @param executor the executor, or null for calls on the calling thread
   * @return this builder
   */
  public ReconcilerBuilder callExecutor(@Nullable Executor executor) {
    this.callExecutor = executor;
    return this;
  }

  /**
   * Sets the per-call deadline (real time) for provider calls run on the call executor. Default 60s.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public ReconcilerBuilder callTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be > 0, but was " + timeout);
    }
    this.callTimeout = timeout;
    return this;
  }

  /**
   * Sets where secret arguments ({@code valueFrom.secretKeyRef}) are read from, at every evaluation that takes
   * measurements. Secret values are redacted from every measurement message and metadata. Default:
   * {@link SecretResolver#none()}.
   *
   * @param resolver the resolver
   * @return this builder
   */
  public ReconcilerBuilder secretResolver(SecretResolver resolver) {
    this.secrets = Objects.requireNonNull(resolver, "resolver");
    return this;
  }

  /**
   * Turns pre-flight checks on or off: before a run's first measurement each metric's provider checks what it can
   * ({@link dev.assay.spi.MetricProvider#preflight}), and a failed check makes the run Error at once with the cause.
   * Default off. See {@code docs/preflight.md}.
   *
   * @param enabled whether to run pre-flight checks
   * @return this builder
   */
  public ReconcilerBuilder preflight(boolean enabled) {
    this.preflight = enabled;
    return this;
  }

  /**
   * Builds the reconciler.
   *
   * @return the reconciler
   */
  public Reconciler build() {
    return factory.apply(this);
  }
}
