/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;
import dev.assay.template.SecretResolver;
import dev.assay.time.Scheduler;
import dev.assay.time.CloseableScheduler;
import dev.assay.time.Schedulers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** Builds an {@link AnalysisEngine}. Not thread-safe. */
public final class AnalysisEngineBuilder {
  private final Map<String, MetricProvider> providers = new LinkedHashMap<>();
  private final List<ClassLoader> discoverFrom = new ArrayList<>();
  private final Map<String, ProviderSettings> settings = new HashMap<>();
  private final List<AnalysisListener> listeners = new ArrayList<>();
  private Clock clock = Clock.systemUTC();
  private @Nullable Scheduler scheduler;
  private @Nullable Executor callExecutor;
  private boolean inlineCalls;
  private int schedulerThreads = 2;
  private int providerThreads = 16;
  private Duration callTimeout = ReconcilerBuilder.DEFAULT_CALL_TIMEOUT;
  private ConditionEvaluator evaluator = ConditionEvaluator.standard();
  private StatusStore store = StatusStore.NONE;
  private SecretResolver secrets = SecretResolver.none();
  private boolean preflight;

  AnalysisEngineBuilder() {}

  /**
   * Registers a provider for its {@link MetricProvider#type()}. Explicit providers win over discovered ones. The
   * engine does not close it.
   *
   * @param provider the provider
   * @return this builder
   */
  public AnalysisEngineBuilder provider(MetricProvider provider) {
    Objects.requireNonNull(provider, "provider");
    providers.put(Objects.requireNonNull(provider.type(), "provider.type()"), provider);
    return this;
  }

  /**
   * Also registers every {@link MetricProviderFactory} listed in {@code META-INF/services} of a class loader. Off
   * unless called. The engine creates these providers, so it closes them.
   *
   * @param loader where to look
   * @return this builder
   */
  public AnalysisEngineBuilder discoverProviders(ClassLoader loader) {
    discoverFrom.add(Objects.requireNonNull(loader, "loader"));
    return this;
  }

  /**
   * Settings passed to the discovered factory of a provider type. Default: {@link ProviderSettings#empty()}.
   *
   * @param type the provider type
   * @param providerSettings the settings
   * @return this builder
   */
  public AnalysisEngineBuilder providerSettings(String type, ProviderSettings providerSettings) {
    settings.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(providerSettings, "providerSettings"));
    return this;
  }

  /**
   * Sets the clock that gives every evaluation its time. Default: {@link Clock#systemUTC()}.
   *
   * @param clock the clock (a {@code ManualClock} for virtual time)
   * @return this builder
   */
  public AnalysisEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets the scheduler that wakes runs up. Default: the engine's own daemon threads. Not closed by the engine.
   *
   * @param scheduler the scheduler (a {@code ManualScheduler} for virtual time)
   * @return this builder
   */
  public AnalysisEngineBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Sets how many threads the default scheduler uses. Default 2. Ignored with {@link #scheduler(Scheduler)}.
   *
   * @param threads at least 1
   * @return this builder
   */
  public AnalysisEngineBuilder schedulerThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("schedulerThreads must be >= 1, but was " + threads);
    }
    this.schedulerThreads = threads;
    return this;
  }

  /**
   * Sets the executor provider calls run on. Default: the engine's own pool of {@link #providerThreads(int)} daemon
   * threads. Not shut down by the engine.
   *
   * @param executor the executor
   * @return this builder
   */
  public AnalysisEngineBuilder callExecutor(Executor executor) {
    this.callExecutor = Objects.requireNonNull(executor, "executor");
    this.inlineCalls = false;
    return this;
  }

  /**
   * Runs provider calls on the scheduler thread, one after another, with no deadline. Only for tests with
   * well-behaved providers that want everything on one thread.
   *
   * @return this builder
   */
  public AnalysisEngineBuilder inlineProviderCalls() {
    this.inlineCalls = true;
    this.callExecutor = null;
    return this;
  }

  /**
   * Sets how many threads the default provider-call pool has. Default 16.
   *
   * @param threads at least 1
   * @return this builder
   */
  public AnalysisEngineBuilder providerThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("providerThreads must be >= 1, but was " + threads);
    }
    this.providerThreads = threads;
    return this;
  }

  /**
   * Sets the per-call deadline (real time) of provider calls. Default 60s. A call that misses it gives an Error
   * measurement and its thread is interrupted.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public AnalysisEngineBuilder callTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be > 0, but was " + timeout);
    }
    this.callTimeout = timeout;
    return this;
  }

  /**
   * Sets how conditions are evaluated. Default: {@link ConditionEvaluator#standard()}.
   *
   * @param evaluator the evaluator
   * @return this builder
   */
  public AnalysisEngineBuilder conditionEvaluator(ConditionEvaluator evaluator) {
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    return this;
  }

  /**
   * Adds a listener. Listeners are called in the order added.
   *
   * @param listener the listener
   * @return this builder
   */
  public AnalysisEngineBuilder listener(AnalysisListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Sets where run statuses are saved after every change. Default: {@link StatusStore#NONE}.
   *
   * @param store the store
   * @return this builder
   */
  public AnalysisEngineBuilder statusStore(StatusStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets where secret arguments are read from. Default: {@link SecretResolver#none()}.
   *
   * @param resolver the resolver, for example {@code SecretResolver.fromEnvironment()}
   * @return this builder
   */
  public AnalysisEngineBuilder secretResolver(SecretResolver resolver) {
    this.secrets = Objects.requireNonNull(resolver, "resolver");
    return this;
  }

  /**
   * Turns pre-flight checks on or off: before a run's first measurement each metric's provider checks what it can
   * (Prometheus: the server answers and the query parses; web: the URL; job: a cluster is reachable or the local
   * runner is chosen), and a failed check makes the run Error at once, naming the metric, what was checked and the
   * cause. Default off (Argo has no such check); {@code @CanaryGate} and canary plans turn it on. See
   * {@code docs/preflight.md}.
   *
   * @param enabled whether to run pre-flight checks
   * @return this builder
   */
  public AnalysisEngineBuilder preflight(boolean enabled) {
    this.preflight = enabled;
    return this;
  }

  /**
   * Builds the engine, creating the threads and discovered providers it needs.
   *
   * @return the engine
   */
  public AnalysisEngine build() {
    List<AutoCloseable> owned = new ArrayList<>();
    ReconcilerBuilder rb = Reconciler.builder().conditionEvaluator(evaluator).callTimeout(callTimeout)
        .secretResolver(secrets).preflight(preflight);
    for (ClassLoader loader : discoverFrom) {
      for (MetricProviderFactory f : ServiceLoader.load(MetricProviderFactory.class, loader)) {
        if (!providers.containsKey(f.type())) {
          MetricProvider p = f.create(settings.getOrDefault(f.type(), ProviderSettings.empty()));
          owned.add(p);
          rb.provider(p);
        }
      }
    }
    providers.values().forEach(rb::provider);
    Executor calls = callExecutor;
    if (calls == null && !inlineCalls) {
      ExecutorService pool = Schedulers.workerPool("provider", providerThreads);
      owned.add(pool::shutdownNow);
      calls = pool;
    }
    rb.callExecutor(calls);
    Scheduler s = scheduler;
    if (s == null) {
      CloseableScheduler own = Schedulers.system(schedulerThreads);
      owned.add(own);
      s = own;
    }
    return new AnalysisEngine(rb.build(), clock, s, listeners, store, owned);
  }
}
