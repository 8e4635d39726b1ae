/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import dev.assay.job.internal.ClusterAccess;
import dev.assay.job.internal.KubernetesJobs;
import dev.assay.job.internal.LocalProcesses;
import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.PreflightResult;
import dev.assay.spi.ProviderResult;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@code job} metric provider. Each measurement runs the metric's {@code job} block either as a Kubernetes
 * {@code batch/v1} Job, with Argo Rollouts' naming, labels, owner reference, polling back-off and outcome rules, or
 * as a local child process ({@link JobRunner}). Asynchronous: {@link #run} starts the job and returns
 * {@link ProviderResult.Pending}; {@link #resume} polls it until it decides.
 *
 * <p>Kubernetes outcomes are decided by the provider (the metric's conditions are not used, as in Argo): condition
 * {@code Complete} is Successful, {@code Failed} is Failed, a pod that cannot pull its image is Inconclusive, and
 * {@link #terminate} deletes the job and gives Inconclusive. Local processes: exit 0 is Successful, any other exit
 * code Failed, a timeout or {@link #terminate} kills the process tree and gives Inconclusive; with the opt-in
 * {@value JobRunner#RESULT_ANNOTATION} annotation, the JSON last line of standard output is returned as the value for
 * the metric's conditions instead.
 *
 * <p><b>Thread-safety:</b> thread-safe. {@link #close()} kills local processes still running and closes the Kubernetes
 * client if this provider created it.
 */
public final class JobMetricProvider implements MetricProvider {
  /** The provider key, {@value}. */
  public static final String TYPE = "job";
  /** Env variable naming the namespace jobs are created in, instead of the run's namespace. */
  public static final String NAMESPACE_ENV = KubernetesJobs.NAMESPACE_ENV;
  /**
   * Env variable naming a kubeconfig file for the cluster jobs run in; when set, jobs get no owner reference (as in
   * Argo) and, unless a client or config is given to the builder, the client is built from that file.
   */
  public static final String KUBECONFIG_ENV = KubernetesJobs.KUBECONFIG_ENV;

  private final JobRunner defaultRunner;
  private final @Nullable KubernetesClient givenClient;
  private final @Nullable Config config;
  private final Function<String, @Nullable String> environment;
  private final KubernetesJobs kubernetes;
  private final LocalProcesses local;
  private @Nullable KubernetesClient ownClient;
  private boolean closed;

  private JobMetricProvider(Builder b) {
    this.defaultRunner = b.defaultRunner;
    this.givenClient = b.client;
    this.config = b.config;
    this.environment = b.environment;
    this.kubernetes = new KubernetesJobs(this::client, environment, b.ownerReferences);
    this.local = new LocalProcesses(b.localTimeout, b.localGracePeriod, b.localOutputLimit);
  }

  /**
   * A builder with the defaults: Kubernetes runner, client found as fabric8 finds it (kubeconfig or in-cluster),
   * environment from {@link System#getenv(String)}, owner references on, local timeout 10 minutes, grace period 5
   * seconds, 16 KiB of output kept per stream.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ProviderResult run(MeasurementContext context) {
    try {
      JobMetric job = jobOf(context);
      if (runnerOf(job) == JobRunner.LOCAL) {
        return local.run(context, job);
      }
      Optional<String> missing = missingCluster();
      if (missing.isPresent()) {
        return ProviderResult.error(missing.get());
      }
      return kubernetes.run(context, job);
    } catch (JobSpecException e) {
      return ProviderResult.error(context.redact(e.getMessage()));
    } catch (KubernetesClientException e) {
      return ProviderResult.error(context.redact(ClusterAccess.describe(e, client().getMasterUrl().toString())));
    }
  }

  /**
   * Checks before the first measurement (see {@code docs/preflight.md}): the job block is valid; for the local
   * runner nothing else; for Kubernetes, that a cluster is configured and its API server answers (listing at most one
   * Job in the namespace jobs go to). Creates nothing.
   *
   * @param context the call context
   * @return passed, or failed with fabric8's underlying cause
   */
  @Override
  public PreflightResult preflight(MeasurementContext context) {
    try {
      JobMetric job = jobOf(context);
      if (runnerOf(job) == JobRunner.LOCAL) {
        return PreflightResult.passed("local runner chosen");
      }
      Optional<String> missing = missingCluster();
      if (missing.isPresent()) {
        return PreflightResult.failed(missing.get());
      }
      KubernetesClient c = client();
      String namespace = kubernetes.namespace(context);
      c.batch().v1().jobs().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build());
      return PreflightResult.passed("Kubernetes API at " + c.getMasterUrl() + " answers");
    } catch (JobSpecException e) {
      return PreflightResult.failed(context.redact(e.getMessage()));
    } catch (KubernetesClientException e) {
      return PreflightResult.failed("the Kubernetes API does not answer: "
          + context.redact(ClusterAccess.describe(e, client().getMasterUrl().toString())));
    }
  }

  /** Why the Kubernetes runner cannot work here, when nobody gave a client or configuration and none is found. */
  private Optional<String> missingCluster() {
    if (givenClient != null || config != null) {
      return Optional.empty();
    }
    String kubeconfig = environment.apply(KUBECONFIG_ENV);
    return kubeconfig != null && !kubeconfig.isEmpty() ? Optional.empty() : ClusterAccess.missingCluster(environment);
  }

  @Override
  public ProviderResult resume(MeasurementContext context, Measurement inFlight) {
    return isLocal(context, inFlight) ? local.resume(context, inFlight) : kubernetes.resume(context, inFlight);
  }

  @Override
  public ProviderResult terminate(MeasurementContext context, Measurement inFlight) {
    return isLocal(context, inFlight) ? local.terminate(context, inFlight) : kubernetes.terminate(context, inFlight);
  }

  /**
   * Deletes the run's oldest Kubernetes jobs beyond {@code limit} (Argo's rule: selected by the run-UID label, so
   * across all the run's metrics). Local processes hold nothing once decided, so there is nothing to collect.
   */
  @Override
  public void garbageCollect(MeasurementContext context, int limit) {
    if (runnerOf(jobOf(context)) == JobRunner.KUBERNETES) {
      kubernetes.garbageCollect(context, limit);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    local.close();
    if (ownClient != null) {
      ownClient.close();
      ownClient = null;
    }
  }

  private boolean isLocal(MeasurementContext context, Measurement inFlight) {
    String recorded = inFlight.metadata().get(LocalProcesses.RUNNER_KEY);
    if (recorded != null) {
      return JobRunner.LOCAL.annotationValue().equals(recorded);
    }
    return runnerOf(jobOf(context)) == JobRunner.LOCAL;
  }

  private JobRunner runnerOf(JobMetric job) {
    return JobRunner.fromMetadata(job.metadata()).orElse(defaultRunner);
  }

  private static JobMetric jobOf(MeasurementContext context) {
    JobMetric job = context.metric().provider().job();
    if (job == null) {
      throw new JobSpecException("provider.job", "the metric has no job provider block");
    }
    return job;
  }

  private synchronized KubernetesClient client() {
    if (givenClient != null) {
      return givenClient;
    }
    if (closed) {
      throw new IllegalStateException("the job provider is closed");
    }
    if (ownClient == null) {
      Config effective = config;
      String kubeconfig = environment.apply(KUBECONFIG_ENV);
      if (effective == null && kubeconfig != null && !kubeconfig.isEmpty()) {
        effective = Config.fromKubeconfig(new File(kubeconfig));
      }
      // A client the provider configures itself fails fast; one given (client or config) is used as it is.
      Config own = effective == null ? Config.autoConfigure(null) : effective;
      ownClient = new KubernetesClientBuilder().withConfig(config == null ? ClusterAccess.failFast(own) : own).build();
    }
    return ownClient;
  }

  /** Builds a {@link JobMetricProvider}. Not thread-safe; {@link #build()} may be called more than once. */
  public static final class Builder {
    private JobRunner defaultRunner = JobRunner.KUBERNETES;
    private @Nullable KubernetesClient client;
    private @Nullable Config config;
    private Function<String, @Nullable String> environment = System::getenv;
    private boolean ownerReferences = true;
    private Duration localTimeout = Duration.ofMinutes(10);
    private Duration localGracePeriod = Duration.ofSeconds(5);
    private int localOutputLimit = 16 * 1024;

    private Builder() {}

    /**
     * The runner of metrics whose job block has no {@value JobRunner#RUNNER_ANNOTATION} annotation.
     *
     * @param runner the runner; default {@link JobRunner#KUBERNETES}
     * @return this builder
     */
    public Builder defaultRunner(JobRunner runner) {
      this.defaultRunner = Objects.requireNonNull(runner, "runner");
      return this;
    }

    /**
     * A Kubernetes client to use; the provider does not close it. Takes precedence over {@link #kubernetesConfig}.
     *
     * @param client the client
     * @return this builder
     */
    public Builder kubernetesClient(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * A client configuration; the provider creates the client on first use and closes it in {@link #close()}.
     * Default: the kubeconfig named by {@value #KUBECONFIG_ENV} if set, else whatever fabric8 finds
     * ({@code KUBECONFIG}, {@code ~/.kube/config}, or the in-cluster service account).
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder kubernetesConfig(Config config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Where environment variables ({@value #NAMESPACE_ENV}, {@value #KUBECONFIG_ENV}) are looked up.
     *
     * @param environment returns a variable's value, or null when unset; default {@link System#getenv(String)}
     * @return this builder
     */
    public Builder environment(Function<String, @Nullable String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Whether jobs get a controller owner reference to the AnalysisRun (Argo's behaviour, the default). Argo's rules
     * still apply when on: no reference when the job namespace differs from the run's, when {@value #KUBECONFIG_ENV}
     * is set, or when the run has no UID. Turn it off when runs are not AnalysisRun objects in the cluster: Kubernetes'
     * garbage collector deletes a job whose owner does not exist.
     *
     * @param ownerReferences whether to add the reference; default true
     * @return this builder
     */
    public Builder ownerReferences(boolean ownerReferences) {
      this.ownerReferences = ownerReferences;
      return this;
    }

    /**
     * The timeout of local processes whose job block has no {@code spec.activeDeadlineSeconds}.
     *
     * @param timeout a positive duration; default 10 minutes
     * @return this builder
     */
    public Builder localTimeout(Duration timeout) {
      this.localTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * How long a local process tree may take to exit after SIGTERM before it gets SIGKILL (on timeout, judged with
     * the engine clock across resume calls; on terminate, a real-time wait of at most this long).
     *
     * @param gracePeriod zero or more; default 5 seconds
     * @return this builder
     */
    public Builder localGracePeriod(Duration gracePeriod) {
      Objects.requireNonNull(gracePeriod, "gracePeriod");
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must be >= 0, but was " + gracePeriod);
      }
      this.localGracePeriod = gracePeriod;
      return this;
    }

    /**
     * How many bytes of each output stream (stdout, stderr) of a local process are kept; earlier output is dropped.
     *
     * @param bytes at least 1; default 16384
     * @return this builder
     */
    public Builder localOutputLimit(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("localOutputLimit must be >= 1, but was " + bytes);
      }
      this.localOutputLimit = bytes;
      return this;
    }

    /**
     * Builds the provider. No Kubernetes connection is made until a Kubernetes job is run.
     *
     * @return the provider
     */
    public JobMetricProvider build() {
      return new JobMetricProvider(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be > 0, but was " + d);
      }
      return d;
    }
  }
}
