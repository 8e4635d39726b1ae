/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.controller.ControllerListener;
import dev.assay.controller.ControllerSettings;
import dev.assay.engine.AnalysisListener;
import dev.assay.engine.EvaluationTiming;
import dev.assay.engine.ReconcileResult;
import dev.assay.engine.Reconciler;
import dev.assay.engine.RunChanges;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.cache.Store;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one run at a time for the controller: reads it (from the informer's cache, or the version this replica
 * wrote when the cache is behind), evaluates it with the pure {@link Reconciler}, writes the new status (with the
 * whole object, or through the status subresource when configured) carrying the resource version it read, writes
 * Events, and schedules the next evaluation.
 *
 * <p><b>No lost or doubled measurement.</b> A status write carries the resource version the reconcile started from.
 * On a conflict the run is read again: when its status is still the one the reconcile started from (someone changed
 * labels, annotations or the spec), the new status is written on top of it; when the status changed (another replica
 * wrote one), this reconcile's result is dropped and the run reconciled again from the stored status, where the
 * other writer's measurement already is, so it is not taken twice. A measurement is only ever counted once it is in
 * the stored status. Thread-safe; the work queue keeps one reconcile per run at a time.
 */
public final class RunWorker {
  private static final Logger logger = LoggerFactory.getLogger(RunWorker.class);
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
  private static final Duration WAKE_AFTER_DUE = Duration.ofMillis(1);

  /** What this replica knows about a run between reconciles. */
  private static final class RunRecord {
    /** This replica's last write, kept only until the informer's cache has it. */
    @Nullable GenericKubernetesResource written;
    @Nullable String writtenFromVersion;
    @Nullable String writtenVersion;
    @Nullable String parsedVersion;
    @Nullable AnalysisRun parsed;
    @Nullable Cancellable timer;
    @Nullable Instant timerAt;
  }

  private enum WriteOutcome { WRITTEN, STALE, GONE }

  private final KubernetesClient client;
  private final Reconciler reconciler;
  private final ControllerSettings settings;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ControllerListener listener;
  private final AnalysisListener analysisListener;
  private final RunCodec codec;
  private final ClusterTemplates templates;
  private final RunEvents events;
  private final WorkQueue queue;
  private final ShardLeases leases;
  private final Supplier<Store<GenericKubernetesResource>> store;
  private final Map<String, RunRecord> records = new ConcurrentHashMap<>();

  /**
   * A worker.
   *
   * @param client the client
   * @param reconciler the reconciler
   * @param settings the settings
   * @param clock the clock runs are evaluated at
   * @param scheduler the scheduler for the next evaluations
   * @param listener the listener
   * @param analysisListener told what each reconcile changed, as an engine's listeners are (metrics)
   * @param queue the work queue
   * @param leases the shard leases
   * @param store the informer's cache (available once the informer exists)
   */
  public RunWorker(KubernetesClient client, Reconciler reconciler, ControllerSettings settings, Clock clock,
      Scheduler scheduler, ControllerListener listener, AnalysisListener analysisListener, WorkQueue queue,
      ShardLeases leases, Supplier<Store<GenericKubernetesResource>> store) {
    this.client = Objects.requireNonNull(client, "client");
    this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.analysisListener = Objects.requireNonNull(analysisListener, "analysisListener");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.leases = Objects.requireNonNull(leases, "leases");
    this.store = Objects.requireNonNull(store, "store");
    this.codec = new RunCodec(client.getKubernetesSerialization());
    this.templates = new ClusterTemplates(client, codec);
    this.events = new RunEvents(client, clock, settings.identity());
  }

  /**
   * The key of a resource.
   *
   * @param r the resource
   * @return {@code namespace/name}
   */
  public static String keyOf(GenericKubernetesResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  /**
   * The shard of a key.
   *
   * @param key {@code namespace/name}
   * @return the shard
   */
  public int shardOf(String key) {
    int slash = key.indexOf('/');
    return ShardAssignment.shardOf(key.substring(0, slash), key.substring(slash + 1), settings.shards());
  }

  /**
   * The informer saw a run added or changed: queue it unless the change is this replica's own status write.
   *
   * @param r the run as the informer has it
   */
  public void changed(GenericKubernetesResource r) {
    String key = keyOf(r);
    RunRecord rec = records.get(key);
    if (rec != null && Objects.equals(rec.writtenVersion, r.getMetadata().getResourceVersion())) {
      return;
    }
    if (leases.mayStart(shardOf(key))) {
      queue.add(key, clock.instant());
    }
  }

  /**
   * The informer saw a run deleted.
   *
   * @param r the run
   */
  public void deleted(GenericKubernetesResource r) {
    RunRecord rec = records.remove(keyOf(r));
    if (rec != null) {
      cancelTimer(rec);
    }
  }

  /**
   * This replica took a shard: queue its runs.
   *
   * @param shard the shard
   */
  public void gained(int shard) {
    Instant now = clock.instant();
    for (String key : store.get().listKeys()) {
      if (shardOf(key) == shard) {
        queue.add(key, now);
      }
    }
  }

  /**
   * This replica lost a shard: stop its timers and forget what it wrote (the new owner's writes come next).
   *
   * @param shard the shard
   */
  public void lost(int shard) {
    records.entrySet().removeIf(e -> {
      if (shardOf(e.getKey()) == shard) {
        cancelTimer(e.getValue());
        return true;
      }
      return false;
    });
  }

  /** Cancels every timer (shutdown). */
  public void cancelAll() {
    records.values().forEach(RunWorker::cancelTimer);
  }

  /**
   * Reconciles one run.
   *
   * @param item the key and the time it was due
   */
  public void process(WorkQueue.Item item) {
    String key = item.key();
    int shard = shardOf(key);
    if (!leases.mayStart(shard)) {
      return;
    }
    RunRecord rec = records.computeIfAbsent(key, k -> new RunRecord());
    GenericKubernetesResource obj = current(key, rec);
    if (obj == null) {
      records.remove(key);
      cancelTimer(rec);
      return;
    }
    try {
      reconcile(key, shard, rec, obj, item.due());
    } catch (RuntimeException e) {
      logger.warn("Reconciling AnalysisRun {} failed; retrying in {}: {}", key, RETRY_AFTER_FAILURE, e.toString());
      safely(() -> listener.reconcileFailed(obj.getMetadata().getNamespace(), obj.getMetadata().getName(), e));
      schedule(key, rec, clock.instant().plus(RETRY_AFTER_FAILURE));
    }
  }

  private void reconcile(String key, int shard, RunRecord rec, GenericKubernetesResource read, Instant due) {
    GenericKubernetesResource obj = read;
    AnalysisRun run = parse(rec, obj);
    if (ClusterTemplates.needsResolution(run)) {
      obj = resolveTemplates(key, obj, run);
      if (obj == null) {
        return;
      }
      run = parse(rec, obj);
    }
    Instant now = clock.instant();
    long started = System.nanoTime();
    ReconcileResult result;
    try {
      result = reconciler.reconcile(run, now);
    } catch (RuntimeException e) {
      AnalysisRun failedRun = run;
      EvaluationTiming failed = new EvaluationTiming(due, now, Duration.ofNanos(System.nanoTime() - started), true,
          Map.of());
      safely(() -> analysisListener.onEvaluated(failedRun, failed));
      throw e;
    }
    EvaluationTiming timing = new EvaluationTiming(due, now, Duration.ofNanos(System.nanoTime() - started), false,
        result.providerCallTimes());
    Duration lag = due.isBefore(now) ? Duration.between(due, now) : Duration.ZERO;
    AnalysisRun after = result.run();
    safely(() -> listener.reconciled(after, lag));
    boolean written = false;
    if (!after.status().equals(run.status())) {
      if (!leases.owns(shard)) {
        // The lease ran out while measuring: the next owner measures from the stored status.
        return;
      }
      WriteOutcome outcome = writeStatus(key, rec, obj, run.status(), after);
      if (outcome == WriteOutcome.GONE) {
        return;
      }
      if (outcome == WriteOutcome.STALE) {
        queue.add(key, now);
        return;
      }
      int taken = result.measurements().size();
      safely(() -> listener.statusWritten(after, taken));
      if (settings.events()) {
        events.record(run, after);
      }
      written = true;
    }
    publish(run, result, timing, written);
    if (result.ttlExpired()) {
      logger.info("Deleting AnalysisRun {}: its TTL expired", key);
      runs().inNamespace(obj.getMetadata().getNamespace()).withName(obj.getMetadata().getName()).delete();
      return;
    }
    Instant next = result.nextReconcileAt();
    if (next == null) {
      cancelTimer(rec);
    } else {
      // A little after the due time, as the engine's RunDriver does: Argo's "due" comparisons are strict, and a
      // wake-up at the instant itself would find nothing due and loop.
      schedule(key, rec, (next.isAfter(now) ? next : now).plus(WAKE_AFTER_DUE));
    }
  }

  private WriteOutcome writeStatus(String key, RunRecord rec, GenericKubernetesResource read,
      AnalysisRunStatus readStatus, AnalysisRun after) {
    GenericKubernetesResource base = read;
    Object baseStatus = RunCodec.rawStatus(read);
    for (int attempt = 0; ; attempt++) {
      GenericKubernetesResource desired = codec.withStatus(base, after);
      try {
        var resource = runs().inNamespace(base.getMetadata().getNamespace()).resource(desired);
        GenericKubernetesResource written = settings.statusSubresource() ? resource.updateStatus() : resource.update();
        rec.written = written;
        rec.writtenFromVersion = base.getMetadata().getResourceVersion();
        rec.writtenVersion = written.getMetadata().getResourceVersion();
        return WriteOutcome.WRITTEN;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return WriteOutcome.GONE;
        }
        if (e.getCode() != 409) {
          throw e;
        }
      }
      GenericKubernetesResource latest = runs().inNamespace(base.getMetadata().getNamespace())
          .withName(base.getMetadata().getName()).get();
      if (latest == null) {
        return WriteOutcome.GONE;
      }
      boolean sameStatus = Objects.equals(RunCodec.rawStatus(latest), baseStatus);
      boolean retry = sameStatus && attempt < settings.conflictRetries() && leases.owns(shardOf(key));
      String ns = base.getMetadata().getNamespace();
      String name = base.getMetadata().getName();
      safely(() -> listener.statusConflict(ns, name, retry));
      if (!retry) {
        logger.debug("AnalysisRun {}: status changed by another writer; reconciling again from it", key);
        rec.written = null;
        rec.writtenVersion = null;
        return WriteOutcome.STALE;
      }
      base = latest;
    }
  }

  private @Nullable GenericKubernetesResource resolveTemplates(String key, GenericKubernetesResource obj,
      AnalysisRun run) {
    AnalysisRun resolved;
    try {
      resolved = templates.resolve(run);
    } catch (RuntimeException e) {
      // Argo's wording for a run it cannot start; the run completes as Error and the cause is in the message.
      AnalysisRun errored = run.withStatus(new AnalysisRunStatus(AnalysisPhase.ERROR,
          "analysis spec invalid: " + e.getMessage(), run.status().metricResults(), clock.instant(),
          clock.instant(), null, null));
      var resource = runs().inNamespace(obj.getMetadata().getNamespace()).resource(codec.withStatus(obj, errored));
      if (settings.statusSubresource()) {
        resource.updateStatus();
      } else {
        resource.update();
      }
      if (settings.events()) {
        events.record(run, errored);
      }
      return null;
    }
    GenericKubernetesResource updated = runs().inNamespace(obj.getMetadata().getNamespace())
        .resource(codec.withSpec(obj, resolved)).update();
    logger.info("AnalysisRun {}: metrics built from templates {}", key,
        run.metadata().annotations().get(ClusterTemplates.ANNOTATION));
    return updated;
  }

  private @Nullable GenericKubernetesResource current(String key, RunRecord rec) {
    GenericKubernetesResource cached = store.get().getByKey(key);
    GenericKubernetesResource written = rec.written;
    if (cached == null || written == null) {
      return cached;
    }
    String version = cached.getMetadata().getResourceVersion();
    if (Objects.equals(version, rec.writtenFromVersion)) {
      return written;
    }
    if (Objects.equals(version, rec.writtenVersion)) {
      rec.written = null;
    }
    return cached;
  }

  private AnalysisRun parse(RunRecord rec, GenericKubernetesResource obj) {
    String version = obj.getMetadata().getResourceVersion();
    AnalysisRun parsed = rec.parsed;
    if (parsed != null && Objects.equals(version, rec.parsedVersion)) {
      return parsed;
    }
    parsed = codec.toModel(obj, AnalysisRun.class);
    rec.parsed = parsed;
    rec.parsedVersion = version;
    return parsed;
  }

  private void schedule(String key, RunRecord rec, Instant at) {
    synchronized (rec) {
      if (at.equals(rec.timerAt) && rec.timer != null) {
        return;
      }
      cancelTimer(rec);
      rec.timerAt = at;
      rec.timer = scheduler.schedule(() -> {
        synchronized (rec) {
          if (at.equals(rec.timerAt)) {
            rec.timer = null;
            rec.timerAt = null;
          }
        }
        if (leases.mayStart(shardOf(key))) {
          queue.add(key, at);
        }
      }, Duration.between(clock.instant(), at));
    }
  }

  private static void cancelTimer(RunRecord rec) {
    synchronized (rec) {
      Cancellable t = rec.timer;
      if (t != null) {
        t.cancel();
      }
      rec.timer = null;
      rec.timerAt = null;
    }
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
      Resource<GenericKubernetesResource>> runs() {
    return client.genericKubernetesResources(ArgoResources.ANALYSIS_RUNS);
  }

  /**
   * Tells the analysis listener what a reconcile changed, once its status is stored (a step whose write was lost to
   * another writer or a lost lease is not published: it is done again).
   */
  private void publish(AnalysisRun before, ReconcileResult result, EvaluationTiming timing, boolean written) {
    AnalysisRun after = result.run();
    safely(() -> {
      RunChanges.publish(analysisListener, before, result);
      if (written) {
        analysisListener.onStatusPersisted(after);
      }
      analysisListener.onEvaluated(after, timing);
      if (after.status().phase().isCompleted() && !before.status().phase().isCompleted()) {
        analysisListener.onRunCompleted(after);
      }
    });
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      logger.warn("A controller or analysis listener threw; ignored", e);
    }
  }
}
