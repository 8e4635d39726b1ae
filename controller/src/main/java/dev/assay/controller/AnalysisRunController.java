/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import dev.assay.controller.internal.ArgoResources;
import dev.assay.controller.internal.RealTimeScheduler;
import dev.assay.controller.internal.RunWorker;
import dev.assay.controller.internal.ShardLeases;
import dev.assay.controller.internal.WorkQueue;
import dev.assay.engine.AnalysisListener;
import dev.assay.engine.Reconciler;
import dev.assay.time.Scheduler;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles Argo {@code AnalysisRun} resources ({@code argoproj.io/v1alpha1}) in a Kubernetes cluster with Assay's
 * {@link Reconciler}: an informer watches the runs selected by {@link ControllerSettings#requiredLabels()}, each run
 * is evaluated when it changes and when its next measurement is due, and its status is written back with the resource
 * version it was read at (see {@link ControllerSettings#statusSubresource()}). Replicas share the runs through shard
 * leases (one shard: leader election); see
 * {@code docs/controller.md}.
 *
 * <pre>{@code
 * Reconciler reconciler = Reconciler.builder().provider(prometheus)
 *     .secretResolver(new KubernetesSecretResolver(client)).build();
 * try (AnalysisRunController controller = AnalysisRunController.builder()
 *     .client(client).reconciler(reconciler).settings(ControllerSettings.builder().shards(3).build()).build()) {
 *   controller.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Time: runs are evaluated at the {@link Clock} and woken by the {@link Scheduler} given to the builder (a
 * {@code ManualClock} and {@code ManualScheduler} in tests); lease expiry uses the lease clock, real time by default,
 * because other replicas judge it in real time. Thread-safe; {@link #start()} once, {@link #close()} once.
 */
public final class AnalysisRunController implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(AnalysisRunController.class);

  private final KubernetesClient client;
  private final ControllerSettings settings;
  private final Clock leaseClock;
  private final ControllerListener listener;
  private final WorkQueue queue = new WorkQueue();
  private final ShardLeases leases;
  private final RunWorker worker;
  private final List<Thread> workers = new ArrayList<>();
  private final ScheduledExecutorService leaseThread;
  private final @Nullable RealTimeScheduler ownScheduler;
  private volatile @Nullable SharedIndexInformer<GenericKubernetesResource> informer;
  private Set<Integer> lastOwned = Set.of();
  private volatile boolean started;
  private volatile boolean closed;

  private AnalysisRunController(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client");
    this.settings = b.settings;
    this.leaseClock = b.leaseClock;
    this.listener = b.listener;
    Reconciler reconciler = Objects.requireNonNull(b.reconciler, "reconciler");
    this.leases = new ShardLeases(client, settings, leaseClock, new ShardLeases.Changes() {
      @Override
      public void gained(int shard) {
        worker().gained(shard);
      }

      @Override
      public void lost(int shard) {
        worker().lost(shard);
      }
    }, shard -> queue.processingAny(key -> worker().shardOf(key) == shard));
    this.ownScheduler = b.scheduler == null ? new RealTimeScheduler("assay-timers-" + settings.identity()) : null;
    Scheduler scheduler = b.scheduler != null ? b.scheduler : ownScheduler;
    this.worker = new RunWorker(client, reconciler, settings, b.clock, scheduler, listener, b.analysisListener, queue,
        leases, this::store);
    this.leaseThread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "assay-leases-" + settings.identity());
      t.setDaemon(true);
      return t;
    });
  }

  private RunWorker worker() {
    return worker;
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
   * Starts the informer, the lease loop and the workers. Returns at once; {@link #isReady()} tells when the informer
   * has its first list and the leases were read.
   *
   * @throws IllegalStateException when called twice
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the controller was already started");
    }
    started = true;
    SharedIndexInformer<GenericKubernetesResource> inf = selected().runnableInformer(0);
    inf.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource r) {
        worker.changed(r);
      }

      @Override
      public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        worker.changed(after);
      }

      @Override
      public void onDelete(GenericKubernetesResource r, boolean unknownFinalState) {
        worker.deleted(r);
      }
    });
    informer = inf;
    inf.start();
    for (int i = 0; i < settings.workers(); i++) {
      Thread t = new Thread(this::work, "assay-worker-" + settings.identity() + "-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    long period = settings.retryPeriod().toMillis();
    leaseThread.scheduleWithFixedDelay(this::leaseRound, 0, period, TimeUnit.MILLISECONDS);
    logger.info("Controller {} started: namespace {}, labels {}, {} shard(s)", settings.identity(),
        settings.namespace().isEmpty() ? "(all)" : settings.namespace(), settings.requiredLabels(), settings.shards());
  }

  private void leaseRound() {
    leases.tick();
    Set<Integer> owned = leases.owned();
    if (owned.equals(lastOwned)) {
      return;
    }
    lastOwned = owned;
    try {
      listener.shardsChanged(owned);
    } catch (RuntimeException e) {
      logger.warn("ControllerListener threw; ignored", e);
    }
  }

  private FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> selected() {
    var op = client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS);
    var scoped = settings.namespace().isEmpty() ? op.inAnyNamespace() : op.inNamespace(settings.namespace());
    var filtered = scoped.withLabels(settings.requiredLabels());
    return settings.instanceId().isEmpty() ? filtered.withoutLabel(ControllerSettings.INSTANCE_ID_LABEL) : filtered;
  }

  private Store<GenericKubernetesResource> store() {
    SharedIndexInformer<GenericKubernetesResource> inf = informer;
    if (inf == null) {
      throw new IllegalStateException("the controller is not started");
    }
    return inf.getStore();
  }

  private void work() {
    while (true) {
      WorkQueue.Item item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (item == null) {
        return;
      }
      try {
        worker.process(item);
      } catch (RuntimeException e) {
        logger.warn("Worker failed on {}", item.key(), e);
      } finally {
        queue.done(item.key());
      }
    }
  }

  /**
   * Whether the controller can serve: started, not closed, the informer has listed the runs and the leases were read
   * within three retry periods.
   *
   * @return true when ready
   */
  public boolean isReady() {
    SharedIndexInformer<GenericKubernetesResource> inf = informer;
    return isLive() && inf != null && inf.hasSynced();
  }

  /**
   * Whether the controller is alive: started, not closed, and its lease loop read the leases within three lease
   * durations (a replica that cannot reach the API server for that long should be restarted).
   *
   * @return true when live
   */
  public boolean isLive() {
    if (!started || closed) {
      return false;
    }
    Instant listed = leases.lastListed();
    return listed == null || leaseClock.instant().isBefore(listed.plus(settings.leaseDuration().multipliedBy(3)));
  }

  /**
   * The shards this replica owns now.
   *
   * @return the shard numbers, from 0
   */
  public Set<Integer> ownedShards() {
    return leases.owned();
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public ControllerSettings settings() {
    return settings;
  }

  /**
   * Stops gracefully: no new reconciles start, in-flight ones get {@link ControllerSettings#shutdownGrace()} to
   * finish and write their status (leases are renewed meanwhile), then every shard lease is handed back so other
   * replicas take over at once, and the informer stops. A reconcile still running after the grace period cannot write
   * any more (its lease is gone); its run is measured by the next owner from the stored status.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.shutDown();
    try {
      if (!queue.awaitIdle(System.currentTimeMillis() + settings.shutdownGrace().toMillis())) {
        logger.warn("Reconciles still running after {}; handing their runs back", settings.shutdownGrace());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    leaseThread.shutdown();
    try {
      leaseThread.awaitTermination(settings.retryPeriod().toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    leases.releaseAll();
    worker.cancelAll();
    if (ownScheduler != null) {
      ownScheduler.close();
    }
    SharedIndexInformer<GenericKubernetesResource> inf = informer;
    if (inf != null) {
      inf.stop();
    }
    workers.forEach(Thread::interrupt);
    logger.info("Controller {} stopped", settings.identity());
  }

  /** Builds an {@link AnalysisRunController}. Not thread-safe. */
  public static final class Builder {
    private @Nullable KubernetesClient client;
    private @Nullable Reconciler reconciler;
    private ControllerSettings settings = ControllerSettings.builder().build();
    private Clock clock = Clock.systemUTC();
    private @Nullable Scheduler scheduler;
    private Clock leaseClock = Clock.systemUTC();
    private ControllerListener listener = ControllerListener.NONE;
    private AnalysisListener analysisListener = new AnalysisListener() {};

    private Builder() {}

    /**
     * Sets the client (required). The controller does not close it.
     *
     * @param value the client
     * @return this builder
     */
    public Builder client(KubernetesClient value) {
      client = Objects.requireNonNull(value, "client");
      return this;
    }

    /**
     * Sets the reconciler (required): its providers, condition evaluator and secret resolver.
     *
     * @param value the reconciler
     * @return this builder
     */
    public Builder reconciler(Reconciler value) {
      reconciler = Objects.requireNonNull(value, "reconciler");
      return this;
    }

    /**
     * Sets the settings. Default: {@code ControllerSettings.builder().build()}.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder settings(ControllerSettings value) {
      settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /**
     * Sets the clock runs are evaluated at. Default: the system UTC clock.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the scheduler that wakes runs when their next measurement is due. Default: a real-time scheduler with one
     * daemon thread (it only queues work; reconciles run on the worker threads).
     *
     * @param value the scheduler
     * @return this builder
     */
    public Builder scheduler(Scheduler value) {
      scheduler = Objects.requireNonNull(value, "scheduler");
      return this;
    }

    /**
     * Sets the clock lease expiry is judged on. Default: the system UTC clock. Leases are shared with other
     * processes, so this stays real time even in tests.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder leaseClock(Clock value) {
      leaseClock = Objects.requireNonNull(value, "leaseClock");
      return this;
    }

    /**
     * Sets the listener (metrics hooks). Default: {@link ControllerListener#NONE}.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(ControllerListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets a listener that hears what every reconcile changed, as an {@code AnalysisEngine}'s listeners do:
     * measurements taken, metric phase changes, the status stored, the evaluation's timing and the run's completion.
     * A step is published once its status is written (a write lost to another writer is done again, not counted
     * twice). This is how {@code assay-micrometer}'s {@code AssayMetrics.analysisListener()} gets Argo's analysis
     * metrics from the controller (see {@code docs/controller.md}). Called on the worker threads, for one run at a
     * time. Default: none.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder analysisListener(AnalysisListener value) {
      analysisListener = Objects.requireNonNull(value, "analysisListener");
      return this;
    }

    /**
     * Builds the controller (not started).
     *
     * @return the controller
     * @throws NullPointerException when the client or reconciler is missing
     */
    public AnalysisRunController build() {
      return new AnalysisRunController(this);
    }
  }
}
