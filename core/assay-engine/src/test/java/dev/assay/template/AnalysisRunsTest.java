/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.TemplateRef;
import dev.assay.model.TtlStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisRunsTest {
  private static Metric metric(String name) {
    return Metric.builder(name).provider(ProviderSpec.of(PrometheusMetric.of("", "up{job=\"{{args.job}}\"}")))
        .build();
  }

  private static AnalysisTemplate template(String name, List<Metric> metrics, List<Argument> args,
      List<TemplateRef> refs) {
    return new AnalysisTemplate(null, null, ObjectMeta.of(name, "shop"),
        new AnalysisTemplateSpec(metrics, args, null, null, refs));
  }

  private static ClusterAnalysisTemplate cluster(String name, List<Metric> metrics) {
    return new ClusterAnalysisTemplate(null, null, ObjectMeta.of(name, ""),
        new AnalysisTemplateSpec(metrics, List.of(Argument.required("job")), null, null, null));
  }

  @Test
  void fromTemplates_mergesArgsAndKeepsTagsUnresolved() {
    AnalysisTemplate t = template("t", List.of(metric("a")), List.of(Argument.required("job"),
        Argument.of("threshold", "0.9")), List.of());
    AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("run-1", "shop"), List.of(t),
        List.of(Argument.of("job", "checkout"), Argument.of("undeclared", "dropped")));
    assertThat(run.metadata().name()).isEqualTo("run-1");
    assertThat(run.spec().args()).containsExactly(Argument.of("job", "checkout"), Argument.of("threshold", "0.9"));
    assertThat(run.spec().metrics().get(0).provider().prometheus().query()).contains("{{args.job}}");
    assertThat(run.status().phase().wireName()).isEmpty();
  }

  @Test
  void builder_nestedReferences_comeBeforeTheirParentAndAreKeptOnce() {
    ClusterAnalysisTemplate shared = cluster("shared", List.of(metric("shared-m")));
    AnalysisTemplate inner = template("inner", List.of(metric("inner-m")), List.of(),
        List.of(new TemplateRef("shared", true)));
    AnalysisTemplate outer = template("outer", List.of(metric("outer-m")), List.of(),
        List.of(new TemplateRef("inner", false), new TemplateRef("shared", true)));
    AnalysisRun run = AnalysisRuns.builder().metadata(ObjectMeta.of("r", "shop"))
        .templateRefs(List.of(new TemplateRef("outer", false), new TemplateRef("inner", false)))
        .available(List.of(shared, inner, outer))
        .args(List.of(Argument.of("job", "api")))
        .dryRun(List.of(new DryRun("shared-m")))
        .measurementRetention(List.of(new MeasurementRetention("outer", 3)))
        .ttlStrategy(new TtlStrategy(60, null, null))
        .build();
    assertThat(run.spec().metrics()).extracting(Metric::name).containsExactly("inner-m", "outer-m", "shared-m");
    assertThat(run.spec().dryRun()).containsExactly(new DryRun("shared-m"));
    assertThat(run.spec().measurementRetention()).containsExactly(new MeasurementRetention("outer", 3));
    assertThat(run.spec().ttlStrategy()).isEqualTo(new TtlStrategy(60, null, null));
  }

  @Test
  void builder_referenceCycle_isFollowedOnce() {
    AnalysisTemplate a = template("a", List.of(metric("ma")), List.of(), List.of(new TemplateRef("b", false)));
    AnalysisTemplate b = template("b", List.of(metric("mb")), List.of(), List.of(new TemplateRef("a", false)));
    AnalysisRun run = AnalysisRuns.builder().templates(List.of(a)).available(List.of(b))
        .args(List.of()).build();
    assertThat(run.spec().metrics()).extracting(Metric::name).containsExactly("mb", "ma");
  }

  @Test
  void builder_missingReference_throwsKubernetesStyleNotFound() {
    assertThatThrownBy(() -> AnalysisRuns.builder().templateRefs(List.of(new TemplateRef("gone", true))).build())
        .isInstanceOf(TemplateValidationException.class)
        .hasMessage("clusteranalysistemplates.argoproj.io \"gone\" not found");
  }

  @Test
  void flatten_duplicateMetric_throwsWithPath() {
    AnalysisTemplate t1 = template("t1", List.of(metric("m")), List.of(), List.of());
    AnalysisTemplate t2 = template("t2", List.of(metric("m")), List.of(), List.of());
    assertThatThrownBy(() -> AnalysisRuns.flatten(List.of(t1, t2)))
        .hasMessage("two metrics have the same name 'm'")
        .extracting(e -> ((TemplateValidationException) e).fieldPath())
        .isEqualTo("templates[1].spec.metrics[0].name");
  }

  @Test
  void flatten_nilValueIsFilledByLaterTemplate() {
    AnalysisTemplate t1 = template("t1", List.of(), List.of(Argument.required("x")), List.of());
    AnalysisTemplate t2 = template("t2", List.of(), List.of(Argument.of("x", "v")), List.of());
    assertThat(AnalysisRuns.flatten(List.of(t1, t2)).args()).containsExactly(Argument.of("x", "v"));
  }

  @Test
  void mergeArgs_valueDoesNotClearTemplateSecret() {
    Argument secret = Argument.fromSecret("token", "s", "k");
    List<Argument> merged = AnalysisRuns.mergeArgs(List.of(Argument.of("token", "plain")), List.of(secret));
    assertThat(merged.get(0).value()).isEqualTo("plain");
    assertThat(merged.get(0).isSecret()).isTrue();
  }
}
