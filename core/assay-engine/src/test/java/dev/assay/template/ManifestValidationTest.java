/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.manifest.Manifest;
import dev.assay.manifest.Manifests;
import dev.assay.manifest.SourcePosition;
import org.junit.jupiter.api.Test;

class ManifestValidationTest {
  private static Manifest manifest(String text) {
    return Manifests.parse(text).get(0);
  }

  @Test
  void validate_badIntervalInYaml_pointsAtTheLine() {
    Manifest m = manifest(String.join("\n",
        "apiVersion: argoproj.io/v1alpha1",
        "kind: AnalysisTemplate",
        "metadata: {name: t}",
        "spec:",
        "  metrics:",
        "    - name: a",
        "      provider: {prometheus: {query: up}}",
        "    - name: b",
        "      count: 3",
        "      interval: 5 minutes",
        "      provider: {prometheus: {query: up}}",
        ""));
    TemplateValidationException e =
        catchThrowableOfType(TemplateValidationException.class, () -> MetricValidator.validate(m));
    assertThat(e).hasMessage("metrics[1]: invalid interval string: time: unknown unit \" minutes\" in duration "
        + "\"5 minutes\"");
    assertThat(e.fieldPath()).isEqualTo("metrics[1].interval");
    assertThat(e.position()).contains(new SourcePosition(10, 7));
    assertThat(e.describe()).endsWith("(at metrics[1].interval, line 10, column 7)");
  }

  @Test
  void validate_templateArgsWithoutValue_useDummyValue() {
    Manifest m = manifest(String.join("\n",
        "kind: AnalysisTemplate",
        "spec:",
        "  args: [{name: svc}, {name: token, valueFrom: {secretKeyRef: {name: s, key: k}}}]",
        "  dryRun: [{metricName: rate}]",
        "  metrics:",
        "    - name: rate",
        "      provider: {prometheus: {query: 'up{svc=\"{{args.svc}}\",t=\"{{args.token}}\"}'}}",
        ""));
    assertThatCode(() -> MetricValidator.validate(m)).doesNotThrowAnyException();
  }

  @Test
  void validate_templateWithOnlyReferences_passes() {
    Manifest m = manifest("kind: AnalysisTemplate\nspec:\n  templates: [{templateName: other}]\n");
    assertThatCode(() -> MetricValidator.validate(m)).doesNotThrowAnyException();
  }

  @Test
  void validate_runWithUnknownTagAndUnmatchedRule_reportsPositions() {
    Manifest unknownTag = manifest(String.join("\n",
        "kind: AnalysisRun",
        "spec:",
        "  metrics:",
        "    - name: m",
        "      successCondition: result > {{args.limit}}",
        "      provider: {web: {url: 'http://x'}}",
        ""));
    TemplateValidationException e =
        catchThrowableOfType(TemplateValidationException.class, () -> MetricValidator.validate(unknownTag));
    assertThat(e).hasMessage("failed to resolve {{args.limit}}");
    assertThat(e.position()).contains(new SourcePosition(5, 7));

    Manifest unmatched = manifest(String.join("\n",
        "kind: AnalysisRun",
        "spec:",
        "  measurementRetention:",
        "    - metricName: nothing",
        "      limit: 3",
        "  metrics: [{name: m, provider: {web: {url: 'http://x'}}}]",
        ""));
    TemplateValidationException e2 =
        catchThrowableOfType(TemplateValidationException.class, () -> MetricValidator.validate(unmatched));
    assertThat(e2).hasMessage("measurementRetention[0]: Rule didn't match any metric name(s)");
    assertThat(e2.position()).contains(new SourcePosition(4, 7));
  }
}
