/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  private static final String TEMPLATE = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: AnalysisTemplate",
      "metadata:",
      "  name: rate",
      "spec:",
      "  metrics:",
      "    - name: ok",
      "      provider:",
      "        prometheus:",
      "          query: up",
      "    - name: bad",
      "      interval: 5m",
      "      count: \"{{args.n}}\"",
      "      provider:",
      "        prometheus: {}",
      "");

  private static final String TYPO = TEMPLATE.replace("interval: 5m", "intervall: 5m");

  @Test
  void read_unknownField_isAnErrorWithPositionAndNearestField() {
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(TYPO));
    assertThat(e.problems()).containsExactly(new ManifestProblem("spec.metrics[1].intervall",
        new SourcePosition(12, 7), "unknown field 'intervall'", "did you mean 'interval'?"));
    assertThat(e).hasMessage("spec.metrics[1].intervall (12:7): unknown field 'intervall'; did you mean 'interval'?");
  }

  @Test
  void parse_lenient_unknownField_isDroppedAndReportedWithPosition() {
    Manifest m = Manifests.lenient().parse(TYPO).get(0);
    assertThat(m.unknownFields()).containsExactly(
        new UnknownField("spec.metrics[1].intervall", new SourcePosition(12, 7), "did you mean 'interval'?"));
    assertThat(((AnalysisTemplate) m.resource()).spec().metrics().get(1).interval()).isEmpty();
    ManifestException e = catchThrowableOfType(ManifestException.class, m::requireNoUnknownFields);
    assertThat(e).hasMessage("spec.metrics[1].intervall (12:7): unknown field; did you mean 'interval'?");
  }

  @Test
  void parse_positions_pointAtFieldsAndSpecRelativePaths() {
    Manifest m = Manifests.parse(TEMPLATE).get(0);
    assertThat(m.position("metrics[1].count")).contains(new SourcePosition(13, 7));
    assertThat(m.position("spec.metrics[1]")).contains(new SourcePosition(11, 7));
    assertThat(m.position("metrics[1].initialDelay")).contains(new SourcePosition(11, 7));
    assertThat(m.position("metrics[1].interval")).contains(new SourcePosition(12, 7));
    assertThat(m.position("nowhere")).isEmpty();
  }

  @Test
  void read_intOrString_keepsHowItWasWritten() {
    AnalysisTemplate t = Manifests.read(TEMPLATE, AnalysisTemplate.class);
    Metric bad = t.spec().metrics().get(1);
    assertThat(bad.count()).isEqualTo(IntOrString.of("{{args.n}}"));
    assertThat(Manifests.write(t)).contains("count: \"{{args.n}}\"");
    assertThat(bad.provider().types()).containsExactly("prometheus");
  }

  @Test
  void read_wrongType_throwsWithPathAndPosition() {
    String text = TEMPLATE.replace("count: \"{{args.n}}\"", "count: [1, 2]");
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));
    assertThat(e.fieldPath()).isEqualTo("spec.metrics[1].count");
    assertThat(e.position()).contains(new SourcePosition(13, 7));
    assertThat(e.documentIndex()).isZero();
    assertThat(e.getMessage()).isEqualTo("spec.metrics[1].count (13:7): expected an integer or a string, but was a list");
    assertThat(e.getMessage()).doesNotContain("com.fasterxml");
  }

  @Test
  void read_missingRequiredField_namesIt() {
    String text =
        TEMPLATE.replace("          query: up", "          query: up\n          headers:\n            - value: x");
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));
    assertThat(e.problem()).isEqualTo("missing required field 'key'");
    assertThat(e.fieldPath()).isEqualTo("spec.metrics[0].provider.prometheus.headers[0]");
    assertThat(e.position()).contains(new SourcePosition(12, 15));
  }

  @Test
  void read_yamlSyntaxError_hasPosition() {
    ManifestException e = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read("kind: AnalysisTemplate\nspec:\n  metrics: [\n"));
    assertThat(e.position()).isPresent();
    assertThat(e.fieldPath()).isEmpty();
  }

  @Test
  void read_badTimestamp_isTyped() {
    String run = "kind: AnalysisRun\nspec:\n  metrics: []\nstatus:\n  startedAt: yesterday\n";
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(run));
    assertThat(e.fieldPath()).isEqualTo("status.startedAt");
    assertThat(e.problem()).contains("\"yesterday\"").contains("RFC 3339");
    assertThat(e.position()).contains(new SourcePosition(5, 3));
  }

  @Test
  void read_missingKind_andNonObjectDocuments_areErrors() {
    assertThat(catchThrowableOfType(ManifestException.class, () -> Manifests.read("metadata:\n  name: x\n")))
        .hasMessage("kind: missing kind");
    assertThat(catchThrowableOfType(ManifestException.class, () -> Manifests.read("just text\n")).problem())
        .startsWith("expected an object");
  }

  @Test
  void read_jsonStreamAndList_andInputStream() {
    String json = "{\"kind\":\"ClusterAnalysisTemplate\",\"metadata\":{\"name\":\"a\"}}\n"
        + "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"kind\":\"AnalysisRun\",\"spec\":{\"metrics\":[]},"
        + "\"status\":{\"phase\":\"Successful\",\"startedAt\":\"2026-03-01T13:00:00+01:00\"}}]}";
    List<Resource> all = Manifests.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(all).hasSize(2);
    assertThat(all.get(0)).isInstanceOf(ClusterAnalysisTemplate.class);
    AnalysisRun run = (AnalysisRun) all.get(1);
    assertThat(run.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(run.status().startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void read_typed_requiresExactlyOne() {
    ManifestException e = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read(TEMPLATE, ClusterAnalysisTemplate.class));
    assertThat(e).hasMessage("expected one ClusterAnalysisTemplate, found 0 (documents: [AnalysisTemplate])");
  }

  @Test
  void write_omitsEmptiesAndKeepsMeaningfulZeros() {
    String run = String.join("\n",
        "kind: AnalysisRun",
        "metadata: {name: r}",
        "spec:",
        "  terminate: false",
        "  ttlStrategy: {secondsAfterSuccess: 0}",
        "  metrics:",
        "    - name: m",
        "      consecutiveErrorLimit: 0",
        "      provider: {prometheus: {timeout: 0, insecure: false}}",
        "status:",
        "  phase: ''",
        "  metricResults: [{name: m, phase: Running, count: 0, dryRun: false}]",
        "");
    String out = Manifests.write(Manifests.read(run).get(0));
    assertThat(out).contains("secondsAfterSuccess: 0", "consecutiveErrorLimit: 0", "timeout: 0", "apiVersion:")
        .doesNotContain("terminate", "insecure", "count:", "dryRun", "phase: \"\"", "message");
  }

  @Test
  void write_quotesTextThatYamlWouldReadAsSomethingElse() {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (String v : List.of("yes", "on", "null", "~", "0755", "1e3", "2026-03-01", "true", "12", "- x", "#x", "a: b")) {
      labels.put("k" + labels.size(), v);
    }
    AnalysisTemplate t = new AnalysisTemplate(null, null,
        new dev.assay.model.ObjectMeta("t", "", "", labels, Map.of(), Map.of()), null);
    AnalysisTemplate back = Manifests.read(Manifests.write(t), AnalysisTemplate.class);
    assertThat(back.metadata().labels()).containsExactlyEntriesOf(labels);
  }

  @Test
  void read_yamlAnchorsAliasesAndMergeKeys_areExpanded() {
    String text = String.join("\n",
        "kind: AnalysisTemplate",
        "spec:",
        "  metrics:",
        "    - &base",
        "      name: a",
        "      interval: 1m",
        "      provider: {prometheus: {address: 'http://p', query: up}}",
        "    - <<: *base",
        "      name: b",
        "    - name: c",
        "      provider: *prov",
        "");
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));
    assertThat(e.problem()).isEqualTo("unknown alias *prov");
    assertThat(e.position()).contains(new SourcePosition(11, 17));
    AnalysisTemplate t = Manifests.read(text.replace("*prov", "{web: {url: 'http://w'}}"), AnalysisTemplate.class);
    Metric b = t.spec().metrics().get(1);
    assertThat(b.name()).isEqualTo("b");
    assertThat(b.interval()).isEqualTo("1m");
    assertThat(b.provider()).isEqualTo(t.spec().metrics().get(0).provider());
  }

  @Test
  void read_syntaxErrors_haveReadableMessages() {
    assertThat(catchThrowableOfType(ManifestException.class,
        () -> Manifests.read("kind: AnalysisTemplate\nspec:\n  metrics: [\n")))
        .hasMessage("(3:13): while parsing a flow node: expected the node content, but found '<stream end>'");
    assertThat(catchThrowableOfType(ManifestException.class,
        () -> Manifests.read("{\"kind\": \"AnalysisRun\", \"spec\": {\"metrics\": [}}")))
        .hasMessage("(1:46): Unexpected close marker '}': expected ']'");
  }

  @Test
  void read_missingFile_isTyped() {
    ManifestException e = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read(java.nio.file.Path.of("/nonexistent/analysis.yaml")));
    assertThat(e.getMessage()).startsWith("cannot read /nonexistent/analysis.yaml");
  }

  @Test
  void write_extraMetadata_keepsSourceOrder() {
    String text = "kind: AnalysisRun\nmetadata:\n  resourceVersion: '1'\n  name: r\n  finalizers: [x]\n"
        + "  generation: 2\nspec: {metrics: []}\n";
    String out = Manifests.write(Manifests.read(text).get(0));
    assertThat(out.indexOf("resourceVersion:")).isPositive().isLessThan(out.indexOf("finalizers:"));
    assertThat(out.indexOf("finalizers:")).isLessThan(out.indexOf("generation:"));
  }

  @Test
  void read_yamlFlowStyleStartingWithBrace_isReadAsYaml() {
    List<Resource> all = Manifests.read("{kind: ClusterAnalysisTemplate, metadata: {name: flow}}\n");
    assertThat(all).singleElement().extracting(r -> r.metadata().name()).isEqualTo("flow");
  }

  @Test
  void parse_unknownFieldsEverywhere_areReportedInSourceOrderWithExactPaths() {
    String text = String.join("\n",
        "kind: AnalysisRun",
        "extra: 1",
        "metadata: {name: r, finalizers: [1]}",
        "spec:",
        "  metrics:",
        "    - name: m",
        "      provider:",
        "        datadog: {custom: field}",
        "        prometheus: {headers: [{key: a, value: b, sneaky: x}]}",
        "status:",
        "  metricResults:",
        "    - name: m",
        "      measurements:",
        "        - phase: Running",
        "          weird: [1, 2]",
        "");
    assertThat(Manifests.lenient().parse(text).get(0).unknownFields()).extracting(UnknownField::path)
        .containsExactly("extra", "spec.metrics[0].provider.prometheus.headers[0].sneaky",
            "status.metricResults[0].measurements[0].weird");
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));
    assertThat(e.problems()).extracting(ManifestProblem::path)
        .containsExactly("extra", "spec.metrics[0].provider.prometheus.headers[0].sneaky");
  }

  @Test
  void read_aliasBomb_isRejected() {
    StringBuilder bomb = new StringBuilder("kind: AnalysisTemplate\nmetadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(bomb.toString()));
    assertThat(e.problem()).isEqualTo("aliases expand to more than 100000 values (maxAliasExpansion)");
  }

  @Test
  void writeJson_looksLikeKubectlAndReportsJsonPositions() {
    String json = Manifests.writeJson(Manifests.read(TEMPLATE).get(0));
    assertThat(json).startsWith("{\n  \"apiVersion\": \"argoproj.io/v1alpha1\",\n")
        .contains("\"prometheus\": {}");
    ManifestException e = catchThrowableOfType(ManifestException.class,
        () -> Manifests.read(json.replace("\"name\": \"bad\"", "\"name\": [\"bad\"]")));
    assertThat(e.fieldPath()).isEqualTo("spec.metrics[1].name");
    assertThat(e.position()).hasValueSatisfying(p -> assertThat(p.line()).isGreaterThan(10));
  }
}
