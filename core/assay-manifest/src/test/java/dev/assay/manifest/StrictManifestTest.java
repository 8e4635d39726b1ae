/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ProviderSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict reading: every commonly misspelled key of the model is rejected with its path, line:column and the key it
 * was meant to be; the places the Argo schema leaves open stay open.
 */
class StrictManifestTest {
  /** A template that uses every commonly misspelled key once, each on its own line. */
  static final List<String> TEMPLATE = List.of(
      "apiVersion: argoproj.io/v1alpha1",                    // 1
      "kind: AnalysisTemplate",                              // 2
      "metadata:",                                           // 3
      "  name: error-rate",                                  // 4
      "  labels: {team: shop}",                              // 5
      "spec:",                                               // 6
      "  args:",                                             // 7
      "    - name: service-name",                            // 8
      "    - name: api-token",                               // 9
      "      valueFrom:",                                    // 10
      "        secretKeyRef:",                               // 11
      "          name: tokens",                              // 12
      "          key: api",                                  // 13
      "  dryRun:",                                           // 14
      "    - metricName: latency",                           // 15
      "  measurementRetention:",                             // 16
      "    - metricName: error-rate",                        // 17
      "      limit: 20",                                     // 18
      "  metrics:",                                          // 19
      "    - name: error-rate",                              // 20
      "      interval: 1m",                                  // 21
      "      initialDelay: 30s",                             // 22
      "      count: 5",                                      // 23
      "      successCondition: result[0] < 0.05",            // 24
      "      failureCondition: result[0] >= 0.1",            // 25
      "      failureLimit: 1",                               // 26
      "      inconclusiveLimit: 2",                          // 27
      "      consecutiveErrorLimit: 3",                      // 28
      "      consecutiveSuccessLimit: 2",                    // 29
      "      provider:",                                     // 30
      "        prometheus:",                                 // 31
      "          address: http://prometheus:9090",           // 32
      "          query: sum(rate(errors[5m]))",              // 33
      "          timeout: 20",                               // 34
      "          headers:",                                  // 35
      "            - key: X-Scope",                          // 36
      "              value: shop",                           // 37
      "    - name: health",                                  // 38
      "      provider:",                                     // 39
      "        web:",                                        // 40
      "          url: http://checkout/health",               // 41
      "          method: GET",                               // 42
      "          jsonPath: '{$.status}'",                    // 43
      "          timeoutSeconds: 5",                         // 44
      "");

  static Stream<Arguments> typos() {
    return Stream.of(
        typo(24, "successCondition", "sucessCondition", "spec.metrics[0]"),
        typo(24, "successCondition", "successCondtion", "spec.metrics[0]"),
        typo(25, "failureCondition", "failureCondtion", "spec.metrics[0]"),
        typo(26, "failureLimit", "failurLimit", "spec.metrics[0]"),
        typo(27, "inconclusiveLimit", "inconclusivLimit", "spec.metrics[0]"),
        typo(28, "consecutiveErrorLimit", "consecutiveErrorsLimit", "spec.metrics[0]"),
        typo(29, "consecutiveSuccessLimit", "consecutiveSucessLimit", "spec.metrics[0]"),
        typo(22, "initialDelay", "intialDelay", "spec.metrics[0]"),
        typo(21, "interval", "intervall", "spec.metrics[0]"),
        typo(23, "count", "cuont", "spec.metrics[0]"),
        typo(30, "provider", "provder", "spec.metrics[0]"),
        typo(31, "prometheus", "prometeus", "spec.metrics[0].provider"),
        typo(32, "address", "adress", "spec.metrics[0].provider.prometheus"),
        typo(33, "query", "querry", "spec.metrics[0].provider.prometheus"),
        typo(34, "timeout", "timout", "spec.metrics[0].provider.prometheus"),
        typo(35, "headers", "header", "spec.metrics[0].provider.prometheus"),
        typo(7, "args", "arg", "spec"),
        typo(10, "valueFrom", "valuefrom", "spec.args[1]"),
        typo(11, "secretKeyRef", "secretKeyref", "spec.args[1].valueFrom"),
        typo(14, "dryRun", "dryrun", "spec"),
        typo(15, "metricName", "metricname", "spec.dryRun[0]"),
        typo(16, "measurementRetention", "measurementRetension", "spec"),
        typo(19, "metrics", "metric", "spec"),
        typo(40, "web", "webb", "spec.metrics[1].provider"),
        typo(43, "jsonPath", "jsonpath", "spec.metrics[1].provider.web"),
        typo(44, "timeoutSeconds", "timeoutSecond", "spec.metrics[1].provider.web"),
        typo(41, "url", "ulr", "spec.metrics[1].provider.web"),
        typo(5, "labels", "lables", "metadata"));
  }

  private static Arguments typo(int line, String key, String misspelt, String parent) {
    return Arguments.of(line, key, misspelt, parent);
  }

  @ParameterizedTest(name = "{2} on line {0}")
  @MethodSource("typos")
  void misspeltKey_isRejectedWithPathPositionAndSuggestion(int line, String key, String misspelt, String parent) {
    String text = withLine(line, TEMPLATE.get(line - 1).replaceFirst("\\b" + key + ":", misspelt + ":"));
    int column = TEMPLATE.get(line - 1).indexOf(key + ":") + 1;

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));

    assertThat(e).as(text).isNotNull();
    assertThat(e.problems()).containsExactly(new ManifestProblem(parent + "." + misspelt,
        new SourcePosition(line, column), "unknown field '" + misspelt + "'", "did you mean '" + key + "'?"));
    assertThat(e).hasMessage(parent + "." + misspelt + " (" + line + ":" + column + "): unknown field '" + misspelt
        + "'; did you mean '" + key + "'?");
  }

  @Test
  void theTemplateItself_readsStrictly() {
    AnalysisTemplate t = Manifests.read(String.join("\n", TEMPLATE), AnalysisTemplate.class);
    assertThat(t.spec().metrics()).hasSize(2);
    assertThat(t.spec().metrics().get(0).successCondition()).isEqualTo("result[0] < 0.05");
  }

  @Test
  void everyProblemOfADocument_isReportedAtOnce_inSourceOrder() {
    String text = String.join("\n", TEMPLATE)
        .replace("successCondition:", "sucessCondition:")
        .replace("count: 5", "count: 2.5")
        .replace("url: http", "ulr: http")
        .replace("    - name: health\n", "    - name: health\n      interval: 30\n");

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));

    assertThat(e.problems()).extracting(p -> p.position().line() + " " + p.path()).containsExactly(
        "23 spec.metrics[0].count", "24 spec.metrics[0].sucessCondition", "39 spec.metrics[1].interval",
        "42 spec.metrics[1].provider.web.ulr");
    assertThat(e.getMessage().split("\n")).containsExactly(
        "spec.metrics[0].count (23:7): expected an integer or a string, but was the fraction 2.5; write a whole"
            + " number",
        "spec.metrics[0].sucessCondition (24:7): unknown field 'sucessCondition'; did you mean 'successCondition'?",
        "spec.metrics[1].interval (39:7): expected a string, but was the number 30; quote it: \"30\"",
        "spec.metrics[1].provider.web.ulr (42:11): unknown field 'ulr'; did you mean 'url'?");
  }

  @Test
  void lenient_ignoresUnknownFields_andExposesThem_butStillRejectsWrongTypes() {
    String typo = String.join("\n", TEMPLATE).replace("successCondition:", "sucessCondition:");
    Manifest m = Manifests.lenient().parse(typo).get(0);
    assertThat(m.unknownFields()).containsExactly(new UnknownField("spec.metrics[0].sucessCondition",
        new SourcePosition(24, 7), "did you mean 'successCondition'?"));
    assertThat(((AnalysisTemplate) m.resource()).spec().metrics().get(0).successCondition()).isEmpty();
    assertThat(Manifests.lenient().isStrict()).isFalse();
    assertThat(Manifests.reader().isStrict()).isTrue();

    String wrongType = typo.replace("count: 5", "count: 2.5");
    assertThat(catchThrowableOfType(ManifestException.class, () -> Manifests.lenient().read(wrongType)).fieldPath())
        .isEqualTo("spec.metrics[0].count");
  }

  @Test
  void lenient_logsWhatItIgnored_atWarn() {
    String typo = String.join("\n", TEMPLATE).replace("successCondition:", "sucessCondition:");
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      Manifests.lenient().parse(typo);
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("WARN")
        .contains("lenient reading ignored fields the Argo schema does not define")
        .contains("spec.metrics[0].sucessCondition (24:7): ignored unknown field; did you mean 'successCondition'?");
  }

  @Test
  void openPlaces_areNotChecked() {
    String text = String.join("\n",
        "kind: AnalysisTemplate",
        "metadata:",
        "  name: open",
        "  labels: {anything-goes: yes-really}",
        "  annotations: {note: x}",
        "  ownerReferences: [{apiVersion: v1, kind: Whatever, name: o, uid: u, extra: 1}]",
        "spec:",
        "  metrics:",
        "    - name: dd",
        "      provider: {datadog: {apiVersion: v2, anyField: 1}}",
        "    - name: plug",
        "      provider: {plugin: {acme/metrics: {whatever: [1, 2]}}}",
        "    - name: custom",
        "      provider: {queue-depth: {queue: orders}}",
        "    - name: job",
        "      provider:",
        "        job:",
        "          metadata: {labels: {a: b}}",
        "          spec: {backoffLimit: 0, template: {spec: {containers: [{name: c, image: i, newField: 1}]}}}",
        "    - name: web",
        "      provider: {web: {url: 'http://w', method: POST, jsonBody: {any: {nested: [1]}}}}",
        "");
    Manifest m = Manifests.parse(text).get(0);
    assertThat(m.unknownFields()).isEmpty();
    assertThat(((AnalysisTemplate) m.resource()).spec().metrics()).hasSize(5);
  }

  @Test
  void labelValues_mustBeStrings_andJobMetadata_onlyLabelsAndAnnotations() {
    String text = String.join("\n",
        "kind: AnalysisTemplate",
        "metadata: {name: t, labels: {replicas: 3}}",
        "spec:",
        "  metrics:",
        "    - name: job",
        "      provider: {job: {metadata: {lables: {a: b}}, spec: {}}}",
        "");
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(text));
    assertThat(e.problems()).extracting(ManifestProblem::path, ManifestProblem::hint).containsExactly(
        org.assertj.core.groups.Tuple.tuple("metadata.labels.replicas", "quote it: \"3\""),
        org.assertj.core.groups.Tuple.tuple("spec.metrics[0].provider.job.metadata.lables",
            "did you mean 'labels'?"));
  }

  @Test
  void unknownFieldsInStatus_areToleratedAndReportedAsIgnored() {
    String run = String.join("\n",
        "kind: AnalysisRun",
        "metadata: {name: r}",
        "spec: {metrics: [{name: m, provider: {prometheus: {query: up}}}]}",
        "status:",
        "  phase: Running",
        "  newerArgoField: {x: 1}",
        "  metricResults:",
        "    - name: m",
        "      phase: Running",
        "      measurements: [{phase: Successful, value: '1', futureField: true}]",
        "");
    Manifest m = Manifests.parse(run).get(0);
    assertThat(m.unknownFields()).extracting(UnknownField::path).containsExactly("status.newerArgoField",
        "status.metricResults[0].measurements[0].futureField");
    assertThat(((AnalysisRun) m.resource()).status().metricResults()).hasSize(1);
  }

  @Test
  void unknownPhase_isAnError_namingTheKnownPhases() {
    String run = "kind: AnalysisRun\nspec: {metrics: []}\nstatus:\n  phase: Sucessful\n";
    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Manifests.read(run));
    assertThat(e.problems()).containsExactly(new ManifestProblem("status.phase", new SourcePosition(4, 3),
        "unknown phase \"Sucessful\"", "did you mean 'Successful'? known phases: Pending, Running, Successful, "
            + "Failed, Error, Inconclusive"));
  }

  @Test
  void convert_rejectsUnknownFieldsOfTypedBlocks_butKeepsCoercingTemplatedNumbers() {
    IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> Manifests.convert(
        Map.of("prometheus", Map.of("adress", "http://p", "query", "up")), ProviderSpec.class));
    assertThat(e).hasMessage("prometheus.adress: unknown field 'adress'; did you mean 'address'?");

    ProviderSpec spec = Manifests.convert(Map.of("prometheus", Map.of("address", "http://p", "query", "up",
        "timeout", "30")), ProviderSpec.class);
    assertThat(spec.prometheus().timeout()).isEqualTo(30L);
  }

  private static String withLine(int line, String replacement) {
    List<String> lines = new java.util.ArrayList<>(TEMPLATE);
    lines.set(line - 1, replacement);
    return String.join("\n", lines);
  }
}
