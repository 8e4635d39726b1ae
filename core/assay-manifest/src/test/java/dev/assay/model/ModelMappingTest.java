/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.manifest.ManifestException;
import dev.assay.manifest.Manifests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's Jackson mapping, seen through {@code Manifests}. */
class ModelMappingTest {

  @Test
  void intOrString_rejectsWhatKubernetesRejects() {
    for (String bad : List.of("1.5", "true", "{a: 1}", "4294967296")) {
      String text = "kind: AnalysisTemplate\nspec:\n  metrics: [{name: m, count: " + bad + "}]\n";
      assertThatThrownBy(() -> Manifests.read(text)).as(bad)
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining("spec.metrics[0].count")
          .hasMessageContaining("expected an integer or a string");
    }
  }

  @Test
  void builtModel_roundTripsThroughYamlAndJson() {
    Metric metric = Metric.builder("rate").interval("1m").count(5).failureLimit(-1).consecutiveSuccessLimit(2)
        .successCondition("result[0] > 0.9")
        .provider(new ProviderSpec(null, null, null, Map.of("plugin", Map.of("acme/metrics", Map.of("q", 1)))))
        .build();
    Measurement measurement = Measurement.builder().phase(AnalysisPhase.SUCCESSFUL)
        .startedAt(java.time.Instant.parse("2026-01-01T00:00:00.123456789Z"))
        .finishedAt(java.time.Instant.parse("2026-01-01T00:00:01Z")).value("[0.95]")
        .metadata(Map.of("k", "v")).build();
    MetricResult result = MetricResult.start("rate", false, Map.of()).toBuilder().measurements(List.of(measurement))
        .count(1).successful(1).consecutiveSuccess(1).build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("r", "ns"), new AnalysisRunSpec(List.of(metric),
        List.of(Argument.fromSecret("t", "s", "k"), Argument.of("a", "")), true, List.of(new DryRun(".*")),
        List.of(new MeasurementRetention("rate", 3)), new TtlStrategy(0, null, 10)))
        .withStatus(new AnalysisRunStatus(AnalysisPhase.RUNNING, "", List.of(result),
            java.time.Instant.parse("2026-01-01T00:00:00Z"), null, RunSummary.EMPTY, null));
    assertThat(Manifests.read(Manifests.write(run))).containsExactly(run);
    assertThat(Manifests.read(Manifests.writeJson(run))).containsExactly(run);
    assertThat(Manifests.write(run)).contains("startedAt: \"2026-01-01T00:00:00.123456789Z\"", "value: \"\"",
        "terminate: true");
  }

  @Test
  void objectMeta_keepsLabelOrderAndUnknownMetadata() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("zeta", "1");
    labels.put("alpha", "2");
    ObjectMeta meta = new ObjectMeta("n", "", "", labels, Map.of(), Map.of("finalizers", List.of("x")));
    String yaml = Manifests.write(new ClusterAnalysisTemplate(null, null, meta, null));
    assertThat(yaml.indexOf("zeta: ")).isPositive().isLessThan(yaml.indexOf("alpha: "));
    assertThat(yaml).contains("finalizers:");
  }
}
