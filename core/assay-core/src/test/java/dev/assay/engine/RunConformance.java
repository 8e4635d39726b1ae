/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Argument;
import dev.assay.model.DryRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.testing.ScriptStep;
import dev.assay.template.SecretResolver;
import dev.assay.testing.ScriptedProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs the {@code reconcile} operation of run-assessment vectors through the real {@link Reconciler}. */
final class RunConformance {
  private RunConformance() {}

  static void checkReconcile(JsonNode in, JsonNode expected) throws Exception {
    List<Metric> metrics = Fixtures.metrics(in.get("metrics"));
    List<String> dry = in.has("dryRunMetrics") ? Fixtures.strings(in.get("dryRunMetrics")) : List.of();
    JsonNode results = in.has("metricResults") ? in.get("metricResults") : Fixtures.JSON.createArrayNode();
    AnalysisRun run = Fixtures.run(metrics, results, dry, false);
    List<Argument> args = new ArrayList<>();
    for (JsonNode a : in.path("args")) {
      args.add(Fixtures.JSON.treeToValue(a, Argument.class));
    }
    List<DryRun> rules = new ArrayList<>(run.spec().dryRun());
    in.path("dryRunRules").forEach(r -> rules.add(new DryRun(r.asText())));
    run = run.withSpec(new AnalysisRunSpec(metrics, args, false, rules, List.of(), null));
    Reconciler reconciler = reconcilerFor(metrics, in);
    ReconcileResult result = reconciler.reconcile(run, Fixtures.NOW);
    AnalysisRun after = result.run();
    int checks = 0;
    if (expected.has("phase")) {
      assertThat(after.status().phase()).isEqualTo(AnalysisPhase.fromWireName(expected.get("phase").asText()));
      checks++;
    }
    if (expected.has("message")) {
      assertThat(after.status().message()).isEqualTo(expected.get("message").asText());
      checks++;
    }
    if (expected.has("metricPhases")) {
      expected.get("metricPhases").properties().forEach(e -> assertThat(
          after.status().metricResult(e.getKey()).orElseThrow().phase())
          .as(e.getKey()).isEqualTo(AnalysisPhase.fromWireName(e.getValue().asText())));
      checks++;
    }
    if (expected.has("measurementCount")) {
      assertThat(after.status().metricResults().get(0).measurements())
          .hasSize(expected.get("measurementCount").asInt());
      checks++;
    }
    if (expected.has("metricCounters")) {
      MetricResult r = after.status().metricResults().get(0);
      JsonNode c = expected.get("metricCounters");
      assertThat(r.consecutiveError()).isEqualTo(c.get("consecutiveError").asInt());
      assertThat(r.error()).isEqualTo(c.get("error").asInt());
      assertThat(r.count()).isEqualTo(c.get("count").asInt());
      checks++;
    }
    if (expected.has("completedAt")) {
      assertThat(after.status().completedAt()).isEqualTo(Fixtures.NOW);
      checks++;
    }
    if (expected.has("runForeverMessage")) {
      assertThat(after.status().metricResult("run-forever").orElseThrow().message())
          .isEqualTo(expected.get("runForeverMessage").asText());
      JsonNode m = expected.get("runForeverMeasurement");
      Measurement last = after.status().metricResult("run-forever").orElseThrow().lastMeasurement().orElseThrow();
      assertThat(last.phase()).isEqualTo(AnalysisPhase.fromWireName(m.get("phase").asText()));
      assertThat(last.isInFlight()).isEqualTo(!m.get("finished").asBoolean());
      assertThat(last.message()).isEqualTo(m.get("message").asText());
      checks++;
    }
    if (expected.has("dryRunSummary")) {
      assertThat(after.status().dryRunSummary())
          .isEqualTo(RunAssessmentConformanceTest.summary(expected.get("dryRunSummary")));
      checks++;
    }
    if (expected.has("metricMessages")) {
      expected.get("metricMessages").properties().forEach(e -> assertThat(
          after.status().metricResult(e.getKey()).orElseThrow().message()).isEqualTo(e.getValue().asText()));
      checks++;
    }
    if (expected.has("measurementMessage")) {
      Measurement last = after.status().metricResults().get(0).lastMeasurement().orElseThrow();
      assertThat(last.message()).isEqualTo(expected.get("measurementMessage").asText());
      assertThat(Fixtures.JSON.writeValueAsString(after)).doesNotContain("12345");
      checks++;
    }
    assertThat(checks).as("expectations checked").isPositive();
  }

  private static Reconciler reconcilerFor(List<Metric> metrics, JsonNode in) {
    ScriptStep step = ScriptStep.decided(AnalysisPhase.SUCCESSFUL, "");
    if (in.has("providerRun")) {
      AnalysisPhase p = AnalysisPhase.fromWireName(in.get("providerRun").asText());
      step = ScriptStep.decided(p, "");
    }
    if (in.has("providerRunMeasurement")) {
      JsonNode m = in.get("providerRunMeasurement");
      step = ScriptStep.decided(AnalysisPhase.fromWireName(m.get("phase").asText()), m.get("message").asText());
    }
    AnalysisPhase terminate = in.has("providerTerminate")
        ? AnalysisPhase.fromWireName(in.get("providerTerminate").asText()) : AnalysisPhase.SUCCESSFUL;
    Set<String> types = new LinkedHashSet<>();
    metrics.forEach(m -> types.addAll(m.provider().types()));
    ReconcilerBuilder b = Reconciler.builder();
    if (in.has("secrets")) {
      Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
      in.get("secrets").properties().forEach(e -> {
        Map<String, String> keys = new LinkedHashMap<>();
        e.getValue().properties().forEach(k -> keys.put(k.getKey(), k.getValue().asText()));
        secrets.put(e.getKey(), keys);
      });
      b.secretResolver(SecretResolver.fromMap(secrets));
    }
    for (String type : types) {
      b.provider(ScriptedProvider.builder(type).scriptForAnyMetric(step).terminateWith(terminate).build());
    }
    return b.build();
  }
}
