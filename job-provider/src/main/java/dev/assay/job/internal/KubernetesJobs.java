/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes runner: Argo's Job provider on the fabric8 client. Thread-safe (holds no mutable state).
 */
public final class KubernetesJobs {
  /** Measurement metadata key: the job name. */
  public static final String JOB_NAME_KEY = "job-name";
  /** Measurement metadata key: the job namespace. */
  public static final String JOB_NAMESPACE_KEY = "job-namespace";
  /** Env: the namespace jobs are created in, instead of the run's. */
  public static final String NAMESPACE_ENV = "ARGO_ROLLOUTS_ANALYSIS_JOB_NAMESPACE";
  /** Env: a kubeconfig for another cluster; when set, jobs get no owner reference. */
  public static final String KUBECONFIG_ENV = "ARGO_ROLLOUTS_ANALYSIS_JOB_KUBECONFIG";
  /** Label the Job controller puts on a job's pods. */
  static final String POD_JOB_NAME_LABEL = "job-name";

  private static final Logger logger = LoggerFactory.getLogger(KubernetesJobs.class);

  private final Supplier<KubernetesClient> client;
  private final Function<String, @Nullable String> environment;
  private final boolean ownerReferences;

  /**
   * Creates the runner.
   *
   * @param client supplies the client (called on each use, so it may be created lazily)
   * @param environment looks up environment variables
   * @param ownerReferences whether jobs may get an owner reference to the run (Argo's rules still apply)
   */
  public KubernetesJobs(
      Supplier<KubernetesClient> client, Function<String, @Nullable String> environment, boolean ownerReferences) {
    this.client = client;
    this.environment = environment;
    this.ownerReferences = ownerReferences;
  }

  /**
   * Creates the job for a new measurement.
   *
   * @param ctx the call context
   * @param job the metric's job block
   * @return Pending (resume now) with {@code job-name}/{@code job-namespace} metadata, or Errored
   */
  public ProviderResult run(MeasurementContext ctx, JobMetric job) {
    String namespace = namespace(ctx);
    boolean owned =
        ownerReferences
            && !ctx.run().uid().isEmpty()
            && namespace.equals(ctx.run().namespace())
            && isEmpty(environment.apply(KUBECONFIG_ENV));
    Job manifest =
        JobManifest.build(
            ctx.run(), ctx.metric().name(), JobManifest.nextNumber(ctx.result()), job, namespace, owned);
    String name = manifest.getMetadata().getName();
    try {
      client.get().batch().v1().jobs().inNamespace(namespace).resource(manifest).create();
      logger.info("job {}/{} created", namespace, name);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        return ProviderResult.error(ctx.redact(messageOf(e)));
      }
      Job existing = client.get().batch().v1().jobs().inNamespace(namespace).withName(name).get();
      if (existing == null || !belongsToRun(existing, JobManifest.runKey(ctx.run()))) {
        return ProviderResult.error(ctx.redact(messageOf(e)));
      }
      logger.info("job {}/{} already exists for this run; reusing it", namespace, name);
    }
    return new ProviderResult.Pending(ctx.now(), metadata(name, namespace));
  }

  /**
   * Polls the job of an in-flight measurement.
   *
   * @param ctx the call context
   * @param inFlight the measurement
   * @return Decided when the job completed, failed, or cannot pull its image; Pending with Argo's back-off otherwise
   */
  public ProviderResult resume(MeasurementContext ctx, Measurement inFlight) {
    String name = inFlight.metadata().getOrDefault(JOB_NAME_KEY, "");
    if (name.isEmpty()) {
      return ProviderResult.error("job metadata reference missing");
    }
    String namespace = jobNamespace(ctx, inFlight);
    Job job;
    List<Pod> pods = List.of();
    try {
      job = client.get().batch().v1().jobs().inNamespace(namespace).withName(name).get();
      if (job == null) {
        return ProviderResult.error(ctx.redact("job.batch \"" + name + "\" not found"));
      }
      Optional<AnalysisPhase> decided = JobStatusReader.conditionPhase(job);
      if (decided.isPresent()) {
        logger.info("job {}/{} completed: {}", namespace, name, decided.get());
        return new ProviderResult.Decided(decided.get(), "", "", inFlight.metadata());
      }
      pods = client.get().pods().inNamespace(namespace).withLabel(POD_JOB_NAME_LABEL, name).list().getItems();
    } catch (KubernetesClientException e) {
      return ProviderResult.error(ctx.redact(messageOf(e)));
    }
    String terminal = JobStatusReader.terminalPodErrors(pods);
    if (!terminal.isEmpty()) {
      return new ProviderResult.Decided(AnalysisPhase.INCONCLUSIVE, ctx.redact(terminal), "", inFlight.metadata());
    }
    Instant next = Backoff.nextPoll(inFlight.startedAt(), ctx.now());
    return new ProviderResult.Pending(next, inFlight.metadata());
  }

  /**
   * Deletes the job of an in-flight measurement (foreground propagation; a missing job is fine).
   *
   * @param ctx the call context
   * @param inFlight the measurement
   * @return Inconclusive, or Errored when the delete failed
   */
  public ProviderResult terminate(MeasurementContext ctx, Measurement inFlight) {
    String name = inFlight.metadata().getOrDefault(JOB_NAME_KEY, "");
    if (name.isEmpty()) {
      return ProviderResult.error("job metadata reference missing");
    }
    String namespace = jobNamespace(ctx, inFlight);
    try {
      delete(namespace, name);
    } catch (KubernetesClientException e) {
      return ProviderResult.error(ctx.redact(messageOf(e)));
    }
    logger.info("job {}/{} terminated", namespace, name);
    return new ProviderResult.Decided(AnalysisPhase.INCONCLUSIVE, "", "", inFlight.metadata());
  }

  /**
   * Deletes the oldest jobs of the run beyond {@code limit}, selected by the run-UID label (so across all the run's
   * metrics, as in Argo), oldest first by creation time.
   *
   * @param ctx the call context
   * @param limit how many jobs to keep
   */
  public void garbageCollect(MeasurementContext ctx, int limit) {
    String namespace = namespace(ctx);
    String runKey = JobManifest.runKey(ctx.run());
    List<Job> jobs = new ArrayList<>(
        client.get().batch().v1().jobs().inNamespace(namespace).withLabel(JobManifest.UID_LABEL, runKey)
            .list().getItems());
    jobs.sort(Comparator.comparing(KubernetesJobs::createdAt).thenComparing(j -> j.getMetadata().getName()));
    for (int i = 0; i < jobs.size() - limit; i++) {
      String name = jobs.get(i).getMetadata().getName();
      delete(namespace, name);
      logger.info("job {}/{} garbage collected", namespace, name);
    }
  }

  /**
   * The namespace new jobs go to: env {@value #NAMESPACE_ENV}, else the run's namespace, else the client's.
   *
   * @param ctx the call context
   * @return the namespace
   * @throws dev.assay.job.JobSpecException when none of them is set
   */
  public String namespace(MeasurementContext ctx) {
    String fromEnv = environment.apply(NAMESPACE_ENV);
    if (!isEmpty(fromEnv)) {
      return fromEnv;
    }
    if (!ctx.run().namespace().isEmpty()) {
      return ctx.run().namespace();
    }
    String fromClient = client.get().getNamespace();
    if (!isEmpty(fromClient)) {
      return fromClient;
    }
    throw new dev.assay.job.JobSpecException(
        "run.namespace", "no namespace for the job: set the run's namespace, " + NAMESPACE_ENV + ", or the client's");
  }

  private String jobNamespace(MeasurementContext ctx, Measurement inFlight) {
    String fromMeasurement = inFlight.metadata().getOrDefault(JOB_NAMESPACE_KEY, "");
    return fromMeasurement.isEmpty() ? namespace(ctx) : fromMeasurement;
  }

  private void delete(String namespace, String name) {
    client.get().batch().v1().jobs().inNamespace(namespace).withName(name)
        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
  }

  private static boolean belongsToRun(Job job, String runUid) {
    List<OwnerReference> refs = job.getMetadata().getOwnerReferences();
    if (refs != null) {
      for (OwnerReference ref : refs) {
        if (Boolean.TRUE.equals(ref.getController())) {
          return runUid.equals(ref.getUid());
        }
      }
    }
    Map<String, String> labels = job.getMetadata().getLabels();
    return labels != null && runUid.equals(labels.get(JobManifest.UID_LABEL));
  }

  private static Instant createdAt(HasMetadata job) {
    String ts = job.getMetadata().getCreationTimestamp();
    return ts == null || ts.isEmpty() ? Instant.EPOCH : Instant.parse(ts);
  }

  private static Map<String, String> metadata(String name, String namespace) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(JOB_NAME_KEY, name);
    m.put(JOB_NAMESPACE_KEY, namespace);
    return m;
  }

  private String messageOf(KubernetesClientException e) {
    return ClusterAccess.describe(e, client.get().getMasterUrl().toString());
  }

  private static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }
}
