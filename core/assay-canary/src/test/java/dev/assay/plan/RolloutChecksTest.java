/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.engine.AnalysisEngine;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.TemplateResource;
import dev.assay.templates.CanaryTemplates;
import dev.assay.time.CloseableScheduler;
import dev.assay.time.Schedulers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Argo's Rollout reference checks and fieldRef step arguments, when a plan is read and when it is built. */
class RolloutChecksTest {
  private static final String ROLLOUT = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Rollout",
      "metadata:",
      "  name: checkout",
      "  namespace: shop",
      "  labels: {app: checkout, tier: web}",
      "spec:",
      "  replicas: 4",
      "  template:",
      "    metadata:",
      "      labels: {app: checkout, version: v2}",
      "  strategy:",
      "    canary:",
      "      steps:",
      "      - setWeight: 10",
      "      - analysis:",
      "          templates:",
      "          - templateName: forever",
      "          args:",
      "          - name: service",
      "            valueFrom:",
      "              fieldRef: {fieldPath: \"%s\"}",
      "");

  private static final String INDEFINITE = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: AnalysisTemplate",
      "metadata: {name: forever}",
      "spec:",
      "  args: [{name: service}]",
      "  metrics:",
      "  - name: error-rate",
      "    interval: 1m",
      "    successCondition: len(result) > 0 && result[0] < 0.05",
      "    provider:",
      "      prometheus: {query: \"up{service='{{args.service}}'}\"}",
      "");

  private static String rollout(String fieldPath) {
    return String.format(ROLLOUT, fieldPath);
  }

  @Test
  void fieldRefArgumentsAreResolvedFromTheRollout() {
    for (Map.Entry<String, String> e : Map.of(
        "metadata.name", "checkout",
        "metadata.namespace", "shop",
        "metadata.labels['tier']", "web",
        "spec.template.metadata.labels.version", "v2",
        "spec.replicas", "4").entrySet()) {
      CanaryPlan plan = CanaryPlan.fromRollout(rollout(e.getKey()));

      assertThat(plan.steps().get(1)).as(e.getKey()).isEqualTo(new CanaryStep.Analysis(List.of("forever"),
          List.of(CanaryStep.StepArgument.of("service", e.getValue()))));
    }
  }

  @Test
  void aFieldRefThatLeadsNowhereIsRejectedWithArgosMessage() {
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout("spec.template.metadata.labels.missing")))
        .isInstanceOf(PlanException.class)
        .hasMessage("spec.strategy.canary.steps[1].analysis.args[0].valueFrom.fieldRef.fieldPath: "
            + "invalid path spec.template.metadata.labels.missing in rollout");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout("spec.template")))
        .hasMessageEndingWith("path spec.template in rollout must terminate in a primitive value");
  }

  @Test
  void anIndefiniteMetricInAStepIsRejectedWithArgosMessage() {
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout("metadata.name") + "---\n" + INDEFINITE))
        .isInstanceOf(PlanException.class)
        .hasMessage("spec.strategy.canary.steps[1].analysis.templates[0].templateName: AnalysisTemplate forever has "
            + "metric error-rate which runs indefinitely. Invalid value for count: <nil>");
  }

  @Test
  void thePlanBuilderRejectsAnIndefiniteMetricAndAMissingArgument() {
    AnalysisTemplate forever = Manifests.read(INDEFINITE, AnalysisTemplate.class);
    CanaryPlan plan = CanaryPlan.of(CanaryStep.setWeight(10),
        new CanaryStep.Analysis(List.of("forever"), List.of(CanaryStep.StepArgument.of("service", "checkout"))));

    try (CloseableScheduler scheduler = Schedulers.system(1);
        AnalysisEngine engine = AnalysisEngine.builder().scheduler(scheduler).inlineProviderCalls().build()) {
      PlanRunnerBuilder builder = PlanRunner.builder().plan(plan).engine(engine).scheduler(scheduler)
          .router(percent -> { }).templates(List.of(forever));

      assertThatThrownBy(builder::build)
          .isInstanceOf(PlanException.class)
          .hasMessage("steps[1].analysis.templates[0].templateName: AnalysisTemplate forever has metric error-rate "
              + "which runs indefinitely. Invalid value for count: <nil>");
      AnalysisTemplate once = Manifests.read(INDEFINITE.replace("interval: 1m", "count: 1"), AnalysisTemplate.class);
      CanaryPlan noArgs = CanaryPlan.of(new CanaryStep.Analysis(List.of("forever"), List.of()));
      assertThatThrownBy(() -> PlanRunner.builder().plan(noArgs).engine(engine).scheduler(scheduler)
          .router(percent -> { }).templates(List.of(once)).build())
          .isInstanceOf(PlanException.class)
          .hasMessageContaining("args.service was not resolved");
    }
  }

  @Test
  void checksFindMissingTemplatesAndArgumentsTheStepDoesNotGive() {
    Map<String, TemplateResource> templates = Map.of(CanaryTemplates.ERROR_RATE,
        CanaryTemplates.load(CanaryTemplates.ERROR_RATE));
    CanaryStep.Analysis step = new CanaryStep.Analysis(List.of(CanaryTemplates.ERROR_RATE, "nope"),
        List.of(CanaryStep.StepArgument.of("service-name", "checkout")));

    List<RolloutProblem> problems = RolloutChecks.analysisStep("steps[2].analysis", step, templates,
        Set.of("service-name"));

    assertThat(problems).extracting(RolloutProblem::ruleId, RolloutProblem::path, RolloutProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("missing-step-arg", "steps[2].analysis.args",
                "args.namespace was not resolved"),
            org.assertj.core.groups.Tuple.tuple("missing-step-arg", "steps[2].analysis.args",
                "args.canary-hash was not resolved"),
            org.assertj.core.groups.Tuple.tuple("missing-step-arg", "steps[2].analysis.args",
                "args.stable-hash was not resolved"),
            org.assertj.core.groups.Tuple.tuple("missing-template", "steps[2].analysis.templates[1].templateName",
                "AnalysisTemplate nope not found"));
    assertThat(RolloutChecks.analysisStep("s", step, templates, Set.of("service-name", "namespace", "canary-hash",
        "stable-hash")))
        .extracting(RolloutProblem::ruleId).containsExactly("missing-template");
  }
}
