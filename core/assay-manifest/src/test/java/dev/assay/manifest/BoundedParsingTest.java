/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, finding 4 and the manifest items of finding 7: limits enforced while reading, linear {@code kind: List},
 * duplicate keys, anchors, coercions the Argo schema refuses, depth errors with a path, and write/read round trips
 * of large manifests. Wall-clock budgets here are coarse ceilings (tens of times the expected time) that only a
 * quadratic or unbounded parse can exceed; performance itself is measured in {@code benchmarks/}.
 */
class BoundedParsingTest {
  private static final String HEAD = "apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: t\n"
      + "spec:\n  metrics:\n  - name: m\n";

  @Test
  void kindList_of16000Items_readsWithinBudget_withPositionsPerItem() {
    StringBuilder json = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n");
    for (int i = 0; i < 16_000; i++) {
      json.append(i == 0 ? "" : ",\n").append("{\"kind\":\"ClusterAnalysisTemplate\",\"metadata\":{\"name\":\"t")
          .append(i).append("\"}}");
    }
    String text = json.append("]}").toString();

    List<Manifest> all = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Manifests.parse(text));

    assertThat(all).hasSize(16_000);
    assertThat(all.get(15_999).resource().metadata().name()).isEqualTo("t15999");
    assertThat(all.get(15_999).position("metadata.name")).contains(new SourcePosition(16_001, 47));
  }

  @Test
  void yamlScalarOf50Mb_failsFast_withTheLimitAndLine() {
    String text = HEAD + "    successCondition: " + "a".repeat(50_000_000) + "\n    provider: {job: {}}\n";

    ManifestException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchThrowableOfType(ManifestException.class, () -> Manifests.read(text)));

    assertThat(e.problem()).contains("maxStringChars 1048576");
    assertThat(e.position()).contains(new SourcePosition(8, 1));
  }

  @Test
  void jsonStringOver1Mib_failsWithTheLimitAndPath() {
    String text = "{\"kind\":\"AnalysisTemplate\",\"spec\":{\"metrics\":[{\"name\":\"m\",\"successCondition\":\""
        + "a".repeat(8_000_000) + "\"}]}}";
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));
    assertThat(e.problem()).isEqualTo("string exceeds the limit of 1048576 characters (maxStringChars)");
    assertThat(e.fieldPath()).isEqualTo("spec.metrics[0].successCondition");
    assertThat(e.position()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(1));
  }

  @Test
  void keysOf2Mb_failFast_inYamlAndJson() {
    String key = "k".repeat(2_000_000);
    ManifestException yaml = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read(HEAD + "    " + key + ": 1\n"));
    assertThat(yaml.problem()).contains("line 8 has 2000007 characters").contains("maxNameChars 1024");

    ManifestException json = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read("{\"kind\":\"AnalysisTemplate\",\"spec\":{\"" + key + "\":1}}"));
    assertThat(json.problem()).isEqualTo("field name exceeds the limit of 1024 characters (maxNameChars)");
    assertThat(json.fieldPath()).isEqualTo("spec");
  }

  @Test
  void readerLimits_areConfigurable() {
    String text = HEAD + "    provider: {prometheus: {query: '" + "x".repeat(200) + "'}}\n";
    assertThat(catchThrowableOfType(ManifestException.class,
        () -> Manifests.reader().maxStringChars(100).read(text)).problem())
        .isEqualTo("string of 200 characters exceeds the limit of 100 (maxStringChars)");
    assertThat(catchThrowableOfType(ManifestException.class,
        () -> Manifests.reader().maxDocumentChars(100).read(text)).problem())
        .isEqualTo("document exceeds the limit of 100 characters (maxDocumentChars)");
    assertThat(catchThrowableOfType(ManifestException.class,
        () -> Manifests.reader().maxNameChars(3).read(text)).problem())
        .isEqualTo("field name of 10 characters exceeds the limit of 3 (maxNameChars)");
    assertThat(Manifests.read(text)).hasSize(1);
  }

  @Test
  void duplicateKeys_areErrors_withPathAndBothLines() {
    String text = HEAD + "    provider:\n      prometheus: {query: up}\n      web: {url: 'http://w'}\n"
        + "      prometheus: {query: down}\n";
    assertThat(problems(text)).containsExactly(new ManifestProblem("spec.metrics[0].provider.prometheus",
        new SourcePosition(11, 7), "duplicate key 'prometheus'", "first given at 9:7; remove one of them"));

    String json = "{\"kind\":\"AnalysisTemplate\",\"metadata\":{\"name\":\"a\",\"name\":\"b\"}}";
    assertThat(catchThrowableOfType(ManifestException.class, () -> Manifests.read(json)).fieldPath())
        .isEqualTo("metadata.name");
  }

  @Test
  void scalarAnchorsAndAliases_workAsYamlDefines() {
    String text = HEAD + "    interval: &every 30s\n    provider: {prometheus: {query: &q up}}\n"
        + "  - name: n\n    interval: *every\n    provider: {prometheus: {query: *q}}\n";
    AnalysisTemplate t = Manifests.read(text, AnalysisTemplate.class);
    assertThat(t.spec().metrics()).extracting(Metric::interval).containsExactly("30s", "30s");
    assertThat(t.spec().metrics().get(1).provider().prometheus().query()).isEqualTo("up");
  }

  @Test
  void binaryValues_areErrors() {
    String text = HEAD + "    successCondition: !!binary aGVsbG8=\n    provider: {job: {}}\n";
    assertThat(problems(text)).containsExactly(new ManifestProblem("spec.metrics[0].successCondition",
        new SourcePosition(8, 23), "binary values (!!binary) are not allowed", "write the value as a string"));
  }

  @Test
  void fractionWhereTheSchemaSaysInteger_isAnError() {
    String text = HEAD + "    provider: {prometheus: {query: up, timeout: 3.7}}\n";
    assertThat(problems(text)).containsExactly(new ManifestProblem("spec.metrics[0].provider.prometheus.timeout",
        new SourcePosition(8, 40), "expected an integer, but was the fraction 3.7", "write a whole number"));
  }

  @Test
  void thousandDigitCount_isAnError_notUnbounded() {
    String digits = "9".repeat(1000);
    ManifestException e = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read(HEAD + "    count: " + digits + "\n    provider: {job: {}}\n"));
    assertThat(e.fieldPath()).isEqualTo("spec.metrics[0].count");
    assertThat(e.position()).contains(new SourcePosition(8, 5));
    assertThat(e.problem()).isEqualTo("expected an integer or a string, but the integer 99999999999999999999... "
        + "(1000 digits) is out of range");
    assertThat(e.problems().get(0).hint()).isEqualTo("at most 2147483647 (32-bit)");
  }

  @Test
  void numbersAndBooleansWhereTheSchemaSaysString_areErrors_asKubectlRejectsThem() {
    String text = "kind: AnalysisTemplate\nspec:\n  args:\n  - {name: n, value: 5}\n  metrics:\n"
        + "  - name: m\n    interval: 30\n    successCondition: true\n    provider: {prometheus: {query: 42}}\n";
    assertThat(problems(text)).extracting(ManifestProblem::toString).containsExactly(
        "spec.args[0].value (4:15): expected a string, but was the number 5; quote it: \"5\"",
        "spec.metrics[0].interval (7:5): expected a string, but was the number 30; quote it: \"30\"",
        "spec.metrics[0].successCondition (8:5): expected a string, but was true; quote it: \"true\"",
        "spec.metrics[0].provider.prometheus.query (9:29): expected a string, but was the number 42; quote it: \"42\"");
  }

  @Test
  void nestingTooDeep_isAnError_withPathAndLine() {
    StringBuilder text = new StringBuilder(HEAD + "    provider:\n      job:\n        spec:\n");
    String indent = "          ";
    for (int i = 0; i < 120; i++) {
      text.append(indent).append("a:\n");
      indent += "  ";
    }
    text.append(indent).append("b: 1\n");
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text.toString()));
    assertThat(e.problem()).isEqualTo("nesting depth exceeds the limit of 100 (maxDepth)");
    assertThat(e.fieldPath()).startsWith("spec.metrics[0].provider.job.spec.a.a.a.");
    assertThat(e.position()).hasValueSatisfying(p -> assertThat(p.line()).isGreaterThan(90));
  }

  @Test
  void aManifestOfAbout3Mb_readsBackWhatWriteProduces() {
    List<Measurement> measurements = new ArrayList<>();
    for (int i = 0; i < 15_000; i++) {
      measurements.add(Measurement.builder().phase(AnalysisPhase.SUCCESSFUL)
          .startedAt(Instant.ofEpochSecond(1_700_000_000L + i)).finishedAt(Instant.ofEpochSecond(1_700_000_001L + i))
          .value("[0.0" + i + "]").metadata(Map.of("query", "sum(rate(http_requests_total[5m]))")).build());
    }
    MetricResult result = MetricResult.start("m", false, Map.of()).toBuilder().phase(AnalysisPhase.RUNNING)
        .measurements(measurements).count(15_000).successful(15_000).build();
    Metric metric = Metric.builder("m").interval("1m")
        .provider(ProviderSpec.of(PrometheusMetric.of("http://p", "up"))).build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("big", "ns"), new AnalysisRunSpec(List.of(metric), List.of(),
        false, List.of(), List.of(), null)).withStatus(new AnalysisRunStatus(AnalysisPhase.RUNNING, "",
            List.of(result), Instant.ofEpochSecond(1_700_000_000L), null, null, null));

    String yaml = Manifests.write(run);
    String json = Manifests.writeJson(run);

    assertThat(yaml.length()).isGreaterThan(3_200_000);
    List<Resource> fromYaml = Manifests.read(yaml);
    assertThat(fromYaml).containsExactly(run);
    assertThat(Manifests.read(json)).containsExactly(run);
  }

  private static List<ManifestProblem> problems(String text) {
    return catchThrowableOfType(ManifestException.class, () -> Manifests.read(text)).problems();
  }
}
