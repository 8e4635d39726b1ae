/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static dev.assay.job.JobTestSupport.T0;
import static dev.assay.job.JobTestSupport.busyboxSpec;
import static dev.assay.job.JobTestSupport.context;
import static dev.assay.job.JobTestSupport.inFlight;
import static dev.assay.job.JobTestSupport.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.ReconcileResult;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.ObjectMeta;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes runner against fabric8's CRUD mock API server; each test plays the Job controller itself. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRunnerTest {
  static KubernetesClient client;
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final Map<String, String> env = new HashMap<>();
  private String ns;
  private RunRef run;
  private JobMetricProvider provider;

  @BeforeEach
  void setUp() {
    ns = "ns-" + NAMESPACES.incrementAndGet();
    run = new RunRef("run-a", ns, "uid-" + ns);
    provider = JobMetricProvider.builder().kubernetesClient(client).environment(env::get).build();
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private Measurement start(Metric metric) {
    ProviderResult started = provider.run(context(run, metric, T0));
    assertThat(started).isInstanceOf(ProviderResult.Pending.class);
    return inFlight(started, T0);
  }

  private Job job(Measurement m) {
    return client.batch().v1().jobs().inNamespace(m.metadata().get("job-namespace"))
        .withName(m.metadata().get("job-name")).get();
  }

  private void setConditions(Measurement m, String... types) {
    Job job = job(m);
    JobStatusBuilder status = new JobStatusBuilder();
    for (String type : types) {
      status.addToConditions(new JobConditionBuilder().withType(type).withStatus("False").build());
    }
    job.setStatus(status.build());
    client.batch().v1().jobs().inNamespace(ns).resource(job).updateStatus();
  }

  private ProviderResult resume(Metric metric, Measurement m, Instant now) {
    return provider.resume(context(run, metric, now), m);
  }

  @Test
  void resume_completeCondition_successfulWhateverItsStatus() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);
    setConditions(m, "Complete");

    ProviderResult result = resume(metric, m, T0.plusSeconds(3));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(d.metadata()).containsEntry("job-name", "uid-" + ns + ".m.1");
    });
  }

  @Test
  void resume_failedThenComplete_lastConditionWins() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);
    setConditions(m, "Complete", "SuccessCriteriaMet", "Failed");

    assertThat(resume(metric, m, T0)).isInstanceOfSatisfying(
        ProviderResult.Decided.class, d -> assertThat(d.phase()).isEqualTo(AnalysisPhase.FAILED));
  }

  @Test
  void resume_stillRunning_pendingWithSqrtBackoff() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);

    ProviderResult result = resume(metric, m, T0.plusSeconds(50));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Pending.class,
        p -> assertThat(p.resumeAt()).isEqualTo(T0.plusSeconds(60)));
  }

  @Test
  void resume_podCannotPullImage_inconclusiveWithArgoMessage() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);
    client.pods().inNamespace(ns).resource(new PodBuilder()
        .withNewMetadata().withName("p1").addToLabels("job-name", m.metadata().get("job-name")).endMetadata()
        .withNewStatus().addToContainerStatuses(new ContainerStatusBuilder().withName("main")
            .withNewState().withNewWaiting().withReason("ErrImagePull").withMessage("no such image")
            .endWaiting().endState().build())
        .endStatus().build()).create();

    ProviderResult result = resume(metric, m, T0.plusSeconds(5));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
      assertThat(d.message()).isEqualTo("Pod p1, container main has terminal error (ErrImagePull): no such image\n");
    });
  }

  @Test
  void resume_podWaitingForOtherReasonOrOtherJob_stillPending() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);
    client.pods().inNamespace(ns).resource(pod("p1", m.metadata().get("job-name"), "ContainerCreating")).create();
    client.pods().inNamespace(ns).resource(pod("p2", "another-job", "ImagePullBackOff")).create();

    assertThat(resume(metric, m, T0.plusSeconds(2))).isInstanceOf(ProviderResult.Pending.class);
  }

  private static io.fabric8.kubernetes.api.model.Pod pod(String name, String jobName, String reason) {
    return new PodBuilder()
        .withNewMetadata().withName(name).addToLabels("job-name", jobName).endMetadata()
        .withNewStatus().addToContainerStatuses(new ContainerStatusBuilder().withName("main")
            .withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build())
        .endStatus().build();
  }

  @Test
  void resume_jobGone_errorWithArgoMessage() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);
    client.batch().v1().jobs().inNamespace(ns).withName(m.metadata().get("job-name")).delete();

    assertThat(resume(metric, m, T0)).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).isEqualTo("job.batch \"uid-" + ns + ".m.1\" not found"));
  }

  @Test
  void resume_noJobNameInMetadata_error() {
    Metric metric = metric("m", Map.of(), busyboxSpec());

    assertThat(resume(metric, inFlight(Map.of(), T0), T0)).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).isEqualTo("job metadata reference missing"));
  }

  @Test
  void terminate_deletesJob_inconclusive() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement m = start(metric);

    ProviderResult result = provider.terminate(context(run, metric, T0.plusSeconds(1)), m);

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class,
        d -> assertThat(d.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE));
    assertThat(job(m)).isNull();
    assertThat(provider.terminate(context(run, metric, T0.plusSeconds(2)), m))
        .as("a job already gone is not an error").isInstanceOf(ProviderResult.Decided.class);
  }

  @Test
  void run_namespaceFromEnvironment_jobThereWithoutOwnerReference() {
    env.put(JobMetricProvider.NAMESPACE_ENV, ns + "-jobs");
    Metric metric = metric("m", Map.of(), busyboxSpec());

    Measurement m = start(metric);

    assertThat(m.metadata()).containsEntry("job-namespace", ns + "-jobs");
    assertThat(job(m).getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void run_kubeconfigEnvironmentSet_noOwnerReference() {
    env.put(JobMetricProvider.KUBECONFIG_ENV, "/nonexistent/kubeconfig");
    Measurement m = start(metric("m", Map.of(), busyboxSpec()));

    assertThat(job(m).getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void run_ownerReferencesOff_noOwnerReference() {
    provider = JobMetricProvider.builder().kubernetesClient(client).environment(env::get).ownerReferences(false)
        .build();
    Measurement m = start(metric("m", Map.of(), busyboxSpec()));

    assertThat(job(m).getMetadata().getOwnerReferences()).isEmpty();
    assertThat(job(m).getMetadata().getLabels()).containsEntry("analysisrun.argoproj.io/uid", run.uid());
  }

  @Test
  void run_nameTakenByAnotherRun_error() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    start(metric);
    RunRef other = new RunRef("run-b", ns, run.uid());
    JobMetricProvider otherProvider = JobMetricProvider.builder().kubernetesClient(client).environment(env::get)
        .build();
    Job existing = client.batch().v1().jobs().inNamespace(ns).withName(run.uid() + ".m.1").get();
    existing.getMetadata().getOwnerReferences().get(0).setUid("someone-else");
    existing.getMetadata().getLabels().put("analysisrun.argoproj.io/uid", "someone-else");
    client.batch().v1().jobs().inNamespace(ns).resource(existing).update();

    ProviderResult result = otherProvider.run(context(other, metric, T0));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).contains("already exists"));
  }

  @Test
  void run_countAndErrorsSoFar_numberTheJob() {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    MetricResult result = MetricResult.start("m", false, Map.of()).toBuilder().count(3).error(2).build();

    ProviderResult started = provider.run(new MeasurementContext(run, metric, result, T0, List.of()));

    assertThat(started.metadata()).containsEntry("job-name", run.uid() + ".m.6");
  }

  @Test
  void run_specFieldOfWrongType_errorNamesTheField() {
    Map<String, Object> spec = new java.util.LinkedHashMap<>(busyboxSpec());
    spec.put("backoffLimit", "many");

    ProviderResult result = provider.run(context(run, metric("m", Map.of(), spec), T0));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).startsWith("job.spec.backoffLimit: "));
  }

  @Test
  void garbageCollect_acrossMetricsOfTheRun_deletesOldestBeyondLimit() {
    Metric a = metric("a", Map.of(), busyboxSpec());
    Metric b = metric("b", Map.of(), busyboxSpec());
    for (int i = 0; i < 3; i++) {
      MetricResult taken = MetricResult.start("x", false, Map.of()).toBuilder().count(i).build();
      provider.run(new MeasurementContext(run, i % 2 == 0 ? a : b, taken, T0, List.of()));
    }
    provider.run(context(new RunRef("other", ns, "uid-other"), a, T0));

    provider.garbageCollect(context(run, a, T0.plus(Duration.ofMinutes(1))), 2);

    assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems())
        .extracting(j -> j.getMetadata().getName())
        .hasSize(3)
        .contains("uid-other.a.1")
        .doesNotContain(run.uid() + ".a.1");
  }

  private AnalysisRun reconcileUntil(Reconciler reconciler, AnalysisRun run, Instant now, int steps) {
    AnalysisRun current = run;
    Instant at = now;
    for (int i = 0; i < steps && !current.status().phase().isCompleted(); i++) {
      ReconcileResult r = reconciler.reconcile(current, at);
      current = r.run();
      at = r.next().filter(t -> t.isAfter(now)).orElse(at.plusSeconds(1));
    }
    return current;
  }

  private AnalysisRun analysisRun(Metric metric) {
    return AnalysisRun.of(new ObjectMeta("canary", ns, run.uid(), Map.of(), Map.of(), Map.of()),
        new AnalysisRunSpec(List.of(metric), List.of(), false, List.of(), List.of(), null));
  }

  @Test
  void engine_jobCompletes_runSuccessful() {
    Reconciler reconciler = Reconciler.builder().provider(provider).build();
    Metric metric = metric("smoke", Map.of(), busyboxSpec());
    AnalysisRun started = reconciler.reconcile(analysisRun(metric), T0).run();
    Measurement m = started.status().metricResult("smoke").orElseThrow().measurements().get(0);
    assertThat(m.isInFlight()).isTrue();
    setConditions(m, "Complete");

    AnalysisRun done = reconcileUntil(reconciler, started, T0.plusSeconds(1), 5);

    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void engine_terminateWhileJobRuns_jobDeletedRunInconclusive() {
    Reconciler reconciler = Reconciler.builder().provider(provider).build();
    Metric metric = metric("smoke", Map.of(), busyboxSpec());
    AnalysisRun started = reconciler.reconcile(analysisRun(metric), T0).run();
    Measurement m = started.status().metricResult("smoke").orElseThrow().measurements().get(0);

    AnalysisRun done = reconcileUntil(
        reconciler, started.withSpec(started.spec().withTerminate(true)), T0.plusSeconds(1), 5);

    assertThat(done.status().metricResult("smoke").orElseThrow().measurements().get(0).phase())
        .isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(job(m)).isNull();
  }

  @Test
  void kubernetesConfig_providerCreatesItsClientLazilyAndClosesIt() {
    JobMetricProvider own = JobMetricProvider.builder().kubernetesConfig(client.getConfiguration())
        .environment(env::get).build();
    Metric metric = metric("m", Map.of(), busyboxSpec());

    ProviderResult started = own.run(context(run, metric, T0));
    own.close();

    assertThat(started).isInstanceOf(ProviderResult.Pending.class);
    assertThat(job(inFlight(started, T0))).isNotNull();
    assertThatThrownBy(() -> own.run(context(run, metric, T0)))
        .isInstanceOf(IllegalStateException.class).hasMessage("the job provider is closed");
  }

  @Test
  void kubeconfigEnvironment_clientBuiltFromThatFile(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{name: mock, cluster: {server: \"" + client.getMasterUrl() + "\"}}]",
        "users: [{name: tester, user: {token: not-a-real-token}}]",
        "contexts: [{name: mock, context: {cluster: mock, user: tester, namespace: " + ns + "}}]",
        "current-context: mock", ""));
    env.put(JobMetricProvider.KUBECONFIG_ENV, kubeconfig.toString());
    try (JobMetricProvider fromFile = JobMetricProvider.builder().environment(env::get).build()) {
      ProviderResult started = fromFile.run(context(run, metric("m", Map.of(), busyboxSpec()), T0));

      assertThat(started).isInstanceOf(ProviderResult.Pending.class);
      Job job = job(inFlight(started, T0));
      assertThat(job).isNotNull();
      assertThat(job.getMetadata().getOwnerReferences()).as("no owner across clusters").isEmpty();
    }
  }
}
