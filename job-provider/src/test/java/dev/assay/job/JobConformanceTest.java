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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobListBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code provider-job} case of Argo's public conformance vectors, against the CRUD mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class JobConformanceTest {
  static KubernetesClient client;
  static KubernetesMockServer server;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  static Stream<JsonNode> cases() throws IOException {
    try (InputStream in = JobConformanceTest.class.getResourceAsStream("argo-conformance-job.json")) {
      List<JsonNode> cases = new ArrayList<>();
      JSON.readTree(in).forEach(cases::add);
      assertThat(cases).hasSize(5);
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformance(JsonNode c) {
    JsonNode inputs = c.get("inputs");
    JsonNode expected = c.get("expected");
    String ns = "conf-" + NAMESPACES.incrementAndGet();
    RunRef run = inputs.has("run")
        ? new RunRef(inputs.at("/run/name").asText(), inputs.at("/run/namespace").asText(),
            inputs.at("/run/uid").asText())
        : new RunRef("run", ns, "uid-" + ns);
    try (JobMetricProvider provider = JobMetricProvider.builder().kubernetesClient(client).environment(k -> null)
        .build()) {
      switch (inputs.get("operation").asText()) {
        case "run":
          checkRun(provider, run, inputs, expected);
          break;
        case "resume":
          checkResume(provider, run, inputs, expected);
          break;
        case "garbageCollect":
          checkGarbageCollect(provider, run, inputs, expected);
          break;
        default:
          throw new AssertionError("unknown operation in " + c.get("id"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void checkRun(JobMetricProvider provider, RunRef run, JsonNode inputs, JsonNode expected) {
    String metricName = inputs.has("metricName") ? inputs.get("metricName").asText() : "m";
    Map<String, Object> jobMetadata =
        inputs.has("jobMetadata") ? JSON.convertValue(inputs.get("jobMetadata"), Map.class) : Map.of();
    Metric metric = metric(metricName, jobMetadata, busyboxSpec());
    if (inputs.path("existingJobSameNameOwnedByRun").asBoolean()) {
      ProviderResult first = provider.run(context(run, metric, T0));
      assertThat(first).isInstanceOf(ProviderResult.Pending.class);
    }

    ProviderResult result = provider.run(context(run, metric, T0));

    assertThat(expected.get("phase").asText()).isEqualTo("Running");
    assertThat(expected.get("finishedAtSet").asBoolean()).isFalse();
    assertThat(result).isInstanceOf(ProviderResult.Pending.class);
    if (expected.has("resumeAt")) {
      assertThat(((ProviderResult.Pending) result).resumeAt()).isEqualTo(T0);
    }
    if (expected.has("measurementMetadata")) {
      assertThat(result.metadata()).isEqualTo(JSON.convertValue(expected.get("measurementMetadata"), Map.class));
    }
    if (expected.has("job")) {
      JsonNode want = expected.get("job");
      Job job = client.batch().v1().jobs().inNamespace(want.get("namespace").asText())
          .withName(want.get("name").asText()).get();
      assertThat(job).isNotNull();
      assertThat(job.getMetadata().getLabels()).isEqualTo(JSON.convertValue(want.get("labels"), Map.class));
      assertThat(job.getMetadata().getAnnotations())
          .isEqualTo(JSON.convertValue(want.get("annotations"), Map.class));
      assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
          .isEqualTo(JSON.convertValue(want.get("podTemplateLabels"), Map.class));
      assertThat(job.getMetadata().getOwnerReferences()).hasSize(1);
      OwnerReference owner = job.getMetadata().getOwnerReferences().get(0);
      JsonNode wantOwner = want.get("ownerReference");
      assertThat(owner.getKind()).isEqualTo(wantOwner.get("kind").asText());
      assertThat(owner.getName()).isEqualTo(wantOwner.get("name").asText());
      assertThat(owner.getUid()).isEqualTo(wantOwner.get("uid").asText());
      assertThat(owner.getController()).isEqualTo(wantOwner.get("controller").asBoolean());
    }
  }

  private void checkResume(JobMetricProvider provider, RunRef run, JsonNode inputs, JsonNode expected) {
    Metric metric = metric("m", Map.of(), busyboxSpec());
    Measurement inFlight = inFlight(provider.run(context(run, metric, T0)), T0);
    String ns = inFlight.metadata().get("job-namespace");
    String name = inFlight.metadata().get("job-name");
    Job job = client.batch().v1().jobs().inNamespace(ns).withName(name).get();
    JobStatusBuilder status = new JobStatusBuilder();
    inputs.get("jobConditions").forEach(
        cond -> status.addToConditions(new JobConditionBuilder().withType(cond.get("type").asText()).build()));
    job.setStatus(status.build());
    client.batch().v1().jobs().inNamespace(ns).resource(job).updateStatus();
    inputs.path("pods").forEach(pod -> client.pods().inNamespace(ns).resource(new PodBuilder()
        .withNewMetadata().withName(pod.get("name").asText()).addToLabels("job-name", name).endMetadata()
        .withNewStatus()
        .withInitContainerStatuses(statuses(pod.path("initContainerStatuses")))
        .withContainerStatuses(statuses(pod.path("containerStatuses")))
        .endStatus().build()).create());

    ProviderResult result = provider.resume(context(run, metric, T0.plusSeconds(10)), inFlight);

    assertThat(expected.get("finishedAtSet").asBoolean()).isTrue();
    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> assertThat(d.phase())
        .isEqualTo(AnalysisPhase.valueOf(expected.get("phase").asText().toUpperCase(java.util.Locale.ROOT))));
  }

  private static List<ContainerStatus> statuses(JsonNode list) {
    List<ContainerStatus> out = new ArrayList<>();
    list.forEach(s -> out.add(new ContainerStatusBuilder().withName(s.get("name").asText())
        .withNewState().withNewWaiting().withReason(s.at("/waiting/reason").asText())
        .withMessage(s.at("/waiting/message").asText()).endWaiting().endState().build()));
    return out;
  }

  private void checkGarbageCollect(JobMetricProvider provider, RunRef run, JsonNode inputs, JsonNode expected) {
    // The API server stamps creationTimestamp itself (the CRUD mock too, at second precision), so the jobs are
    // created in the CRUD store and the list the provider reads is served with the case's timestamps.
    List<JsonNode> offsets = new ArrayList<>();
    inputs.get("jobsCreatedAtOffsetsSec").forEach(offsets::add);
    List<Job> listed = new ArrayList<>();
    for (int i = offsets.size() - 1; i >= 0; i--) {
      Job job = new JobBuilder()
          .withNewMetadata().withName(run.uid() + ".m." + (i + 1)).withNamespace(run.namespace())
          .addToLabels("analysisrun.argoproj.io/uid", run.uid()).endMetadata()
          .withNewSpec().endSpec().build();
      client.batch().v1().jobs().inNamespace(run.namespace()).resource(job).create();
      job.getMetadata().setCreationTimestamp(T0.plusSeconds(offsets.get(i).asLong()).toString());
      listed.add(job);
    }
    server.expect().get()
        .withPath("/apis/batch/v1/namespaces/" + run.namespace()
            + "/jobs?labelSelector=analysisrun.argoproj.io%2Fuid%3D" + run.uid())
        .andReturn(200, new JobListBuilder().withItems(listed).build()).once();
    List<String> oldestFirst = listed.stream()
        .sorted(Comparator.comparing(j -> java.time.Instant.parse(j.getMetadata().getCreationTimestamp())))
        .map(j -> j.getMetadata().getName()).toList();
    int limit = inputs.get("limit").asInt();

    provider.garbageCollect(context(run, metric("m", Map.of(), busyboxSpec()), T0), limit);

    List<String> remaining = client.batch().v1().jobs().inNamespace(run.namespace()).list().getItems().stream()
        .map(j -> j.getMetadata().getName()).toList();
    assertThat(remaining).hasSize(expected.get("remainingJobs").asInt());
    assertThat(remaining).doesNotContainAnyElementsOf(oldestFirst.subList(0, listed.size() - limit));
    assertThat(oldestFirst.subList(0, 2)).containsExactly(run.uid() + ".m.1", run.uid() + ".m.2");
  }
}
