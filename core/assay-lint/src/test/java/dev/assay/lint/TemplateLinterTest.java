/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linter's API: report forms, several files, and the issue's motivating conditions. */
class TemplateLinterTest {
  private static final String TEMPLATE = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: AnalysisTemplate",
      "metadata: {name: error-rate}",
      "spec:",
      "  args: [{name: service}]",
      "  metrics:",
      "  - name: error-rate",
      "    interval: 1m",
      "    count: 5",
      "    successCondition: %s",
      "    provider:",
      "      prometheus:",
      "        address: http://prometheus:9090",
      "        query: sum(rate(errors{service=\"{{args.service}}\"}[2m])) or vector(0)",
      "");

  @TempDir
  Path dir;

  private static LintReport lint(String condition) {
    return TemplateLinter.standard().lint(String.format(TEMPLATE, condition), "t.yaml");
  }

  @Test
  void theIssuesConditionsAreFoundOnAVector() {
    assertThat(lint("default(result[0], 1) > 0.95").findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("condition-type");
      assertThat(f.message()).contains("invalid operation: []interface {} > float64");
      assertThat(f.line()).isEqualTo(10);
      assertThat(f.column()).isEqualTo(5);
    });
    assertThat(lint("result < 0.05").findings()).extracting(Finding::ruleId).containsExactly("condition-type");
    assertThat(lint("len(result) > 0 && result[0] < 0.05").findings()).isEmpty();
  }

  @Test
  void jsonFormIsStable() throws Exception {
    LintReport report = lint("result < 0.05");

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.fieldNames()).toIterable().containsExactly("findings", "errors", "warnings");
    JsonNode f = json.get("findings").get(0);
    assertThat(f.fieldNames()).toIterable()
        .containsExactly("rule", "severity", "source", "path", "line", "column", "message", "hint");
    assertThat(f.get("rule").asText()).isEqualTo("condition-type");
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("path").asText()).isEqualTo("spec.metrics[0].successCondition");
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("warnings").asInt()).isZero();
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.hasWarnings()).isFalse();
  }

  @Test
  void textFormIsOneLinePerFinding() {
    String text = lint("result < 0.05").toText();

    assertThat(text).startsWith("t.yaml:10:5: error condition-type: successCondition \"result < 0.05\"")
        .endsWith(")\n");
    assertThat(text.lines()).hasSize(1);
    assertThat(new LintReport(List.of()).toText()).isEmpty();
  }

  @Test
  void aRolloutIsCheckedAgainstTemplatesInOtherFiles() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, String.format(TEMPLATE, "len(result) > 0 && result[0] < 0.05"),
        StandardCharsets.UTF_8);
    Path rollout = dir.resolve("rollout.yaml");
    Files.writeString(rollout, String.join("\n",
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Rollout",
        "metadata: {name: checkout}",
        "spec:",
        "  strategy:",
        "    canary:",
        "      steps:",
        "      - analysis:",
        "          templates: [{templateName: error-rate}]",
        ""), StandardCharsets.UTF_8);

    LintReport together = TemplateLinter.standard().lint(List.of(rollout, template));
    LintReport alone = TemplateLinter.standard().lint(rollout);

    assertThat(together.findings()).extracting(Finding::ruleId, Finding::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("missing-step-arg", rollout.toString()));
    assertThat(alone.findings()).extracting(Finding::ruleId).containsExactly("missing-template");
    assertThat(TemplateLinter.standard().lint(dir.resolve("absent.yaml")).findings())
        .extracting(Finding::ruleId).containsExactly("unreadable");
  }

  @Test
  void secretsNeverAppearInFindings() {
    String yaml = String.format(TEMPLATE, "len(result) > 0 && result[0] < 0.05")
        .replace("  args: [{name: service}]", "  args: [{name: service}, {name: api-token, value: hunter2-s3cr3t}]");

    LintReport report = TemplateLinter.standard().lint(yaml, "t.yaml");

    assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("plain-secret");
    assertThat(report.toJson()).doesNotContain("hunter2-s3cr3t");
  }
}
