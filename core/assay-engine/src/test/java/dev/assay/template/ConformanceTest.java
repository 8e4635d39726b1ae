/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.manifest.internal.ModelMappers;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateResource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every {@code validation} and {@code args} case of the public Argo conformance file. */
class ConformanceTest {

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/validation-and-args.json")) {
      JsonNode all = ModelMappers.JSON.readTree(in);
      List<Arguments> out = new ArrayList<>();
      all.forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
      assertThat(out).hasSize(21);
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformanceCase_matchesArgo(String id, JsonNode c) throws Throwable {
    JsonNode in = c.get("inputs");
    JsonNode expected = c.get("expected");
    switch (in.get("operation").asText()) {
      case "validateMetrics":
        check(expected, () -> MetricValidator.validate(list(in.get("metrics"), Metric.class)));
        break;
      case "flattenTemplates":
        flatten(in, expected);
        break;
      case "newAnalysisRunFromTemplates":
        newRun(in, expected);
        break;
      case "getMeasurementRetentionMetrics":
        retention(in, expected);
        break;
      case "getDryRunMetrics":
        dryRun(in, expected);
        break;
      case "resolveArgs":
        assertThatThrownBy(() -> ArgumentResolver.resolveText(in.get("template").asText(), args(in.get("args"))))
            .isInstanceOf(ArgumentResolutionException.class)
            .hasMessage(expected.get("error").asText());
        break;
      case "resolveQuotedArgs":
        assertThat(ArgumentResolver.resolveText(in.get("template").asText(), args(in.get("args")), true))
            .isEqualTo(expected.get("output").asText());
        assertThat(ArgumentResolver.resolveText(in.get("template").asText(), args(in.get("args"))))
            .isEqualTo(expected.get("unquotedResolveArgsOutput").asText());
        break;
      case "resolveMetricArgs":
        ResolvedMetrics resolved = ArgumentResolver.resolve(
            list(in.get("metrics"), Metric.class), args(in.get("args")), "", SecretResolver.none());
        assertThat(resolved.metrics()).extracting(Metric::successCondition)
            .containsExactlyElementsOf(strings(expected.get("successConditions")));
        break;
      case "extractValueFromRolloutJSON":
        Map<String, Object> rollout = ModelMappers.JSON.convertValue(in.get("rollout"), new TypeReference<>() {});
        assertThatThrownBy(() -> RolloutFieldRefs.walk(rollout, in.get("path").asText()))
            .isInstanceOf(ArgumentResolutionException.class)
            .hasMessage(expected.get("error").asText());
        break;
      default:
        throw new AssertionError("unknown operation in case " + id);
    }
  }

  private static void flatten(JsonNode in, JsonNode expected) throws Throwable {
    List<TemplateResource> templates = new ArrayList<>();
    for (JsonNode t : in.get("templates")) {
      AnalysisTemplateSpec spec = ModelMappers.JSON.treeToValue(t, AnalysisTemplateSpec.class);
      templates.add("ClusterAnalysisTemplate".equals(t.path("kind").asText())
          ? new ClusterAnalysisTemplate(null, null, null, spec)
          : new AnalysisTemplate(null, null, null, spec));
    }
    if (!expected.get("valid").asBoolean()) {
      check(expected, () -> AnalysisRuns.flatten(templates));
      return;
    }
    AnalysisTemplateSpec flat = AnalysisRuns.flatten(templates);
    if (expected.has("metricNames")) {
      assertThat(flat.metrics()).extracting(Metric::name)
          .containsExactlyElementsOf(strings(expected.get("metricNames")));
    }
    if (expected.has("metrics")) {
      assertThat(flat.metrics()).isEqualTo(list(expected.get("metrics"), Metric.class));
      assertThat(flat.args()).isEqualTo(args(expected.get("args")));
    }
  }

  private static void newRun(JsonNode in, JsonNode expected) throws Throwable {
    AnalysisTemplate template = new AnalysisTemplate(null, null, ObjectMeta.of("t", "ns"),
        new AnalysisTemplateSpec(null, args(in.get("templateArgs")), null, null, null));
    check(expected, () -> AnalysisRuns.fromTemplates(ObjectMeta.of("run", "ns"), List.of(template),
        args(in.get("incomingArgs"))));
  }

  private static void retention(JsonNode in, JsonNode expected) throws Throwable {
    List<MeasurementRetention> rules = list(in.get("rules"), MeasurementRetention.class);
    List<Metric> metrics = metrics(in.get("metricNames"));
    Map<String, Integer> limits = RunRules.retentionLimits(rules, metrics);
    List<String> matched = metrics.stream().map(Metric::name)
        .filter(n -> rules.stream().anyMatch(r -> RunRules.matches(r.metricName(), n)))
        .collect(Collectors.toList());
    assertThat(matched).containsExactlyElementsOf(strings(expected.get("matched")));
    for (String name : matched) {
      assertThat(limits).containsEntry(name, rules.get(rules.size() - 1).limit());
    }
  }

  private static void dryRun(JsonNode in, JsonNode expected) throws Throwable {
    List<DryRun> rules = new ArrayList<>();
    in.get("rules").forEach(r -> rules.add(new DryRun(r.asText())));
    check(expected, () -> RunRules.dryRunMetrics(rules, metrics(in.get("metricNames"))));
  }

  private static void check(JsonNode expected, Executable action) throws Throwable {
    if (expected.get("valid").asBoolean()) {
      action.execute();
    } else {
      assertThatThrownBy(action::execute)
          .isInstanceOf(TemplateValidationException.class)
          .hasMessage(expected.get("error").asText());
    }
  }

  private static List<Metric> metrics(JsonNode names) {
    List<Metric> out = new ArrayList<>();
    names.forEach(n -> out.add(new Metric(n.asText(), null, null, null, null, null, null, null, null, null, null)));
    return out;
  }

  private static List<Argument> args(JsonNode node) throws IOException {
    return node == null || node.isNull() ? List.of() : list(node, Argument.class);
  }

  private static <T> List<T> list(JsonNode node, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    for (JsonNode n : node) {
      out.add(ModelMappers.JSON.treeToValue(n, type));
    }
    return out;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
