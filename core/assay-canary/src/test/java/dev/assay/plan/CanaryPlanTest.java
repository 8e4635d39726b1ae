/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.manifest.ManifestException;
import dev.assay.manifest.ManifestProblem;
import dev.assay.manifest.SourcePosition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryPlanTest {
  @Test
  void standardPlanHasTheUsersSteps() {
    CanaryPlan p = CanaryPlan.standard();

    assertThat(p.steps()).hasSize(16);
    assertThat(p.steps()).filteredOn(s -> s instanceof CanaryStep.SetWeight)
        .extracting(s -> ((CanaryStep.SetWeight) s).percent()).containsExactly(5, 10, 25, 50, 75, 100);
    assertThat(p.totalPause()).isEqualTo(Duration.ofMinutes(42));
    assertThat(p.withPausesScaled(1.0 / 60).totalPause()).isEqualTo(Duration.ofSeconds(42));
  }

  private static final String ROLLOUT_HEAD = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: Rollout",
      "metadata: {name: checkout}",
      "spec:",
      "  strategy:",
      "    canary:",
      "      steps:",
      "");

  @Test
  void readsRolloutSteps() {
    String yaml = ROLLOUT_HEAD + String.join("\n",
        "      - setWeight: 20",
        "      - pause: {duration: 10m}",
        "      - pause: {duration: 30}",
        "      - setCanaryScale: {replicas: 3}",
        "      - analysis:",
        "          templates:",
        "          - templateName: error-rate-analysis",
        "          args:",
        "          - name: service-name",
        "            value: checkout",
        "          - name: canary-hash",
        "            valueFrom: {podTemplateHashValue: Latest}",
        "      - pause: {}",
        "");

    CanaryPlan p = CanaryPlan.fromRollout(yaml);

    assertThat(p.steps()).containsExactly(
        CanaryStep.setWeight(20), CanaryStep.pause(Duration.ofMinutes(10)), CanaryStep.pause(Duration.ofSeconds(30)),
        new CanaryStep.Analysis(List.of("error-rate-analysis"), List.of(
            CanaryStep.StepArgument.of("service-name", "checkout"),
            new CanaryStep.StepArgument("canary-hash", null, "Latest"))),
        CanaryStep.pause());
  }

  @Test
  void rolloutErrorsNameTheStep() {
    String head = "kind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n";
    assertThatThrownBy(() -> CanaryPlan.fromRollout(head + "      - setWeight: 20\n      - setWeight: 120\n"))
        .isInstanceOf(PlanException.class)
        .hasMessage("spec.strategy.canary.steps[1].setWeight: setWeight must be between 0 and 100, but was 120");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(head + "      - experiment: {}\n"))
        .hasMessageStartingWith("spec.strategy.canary.steps[0].experiment: experiment steps are not supported by "
            + "canary plans");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(head + "      - pause: {duration: 10x}\n"))
        .hasMessageStartingWith("spec.strategy.canary.steps[0].pause.duration: ");
    assertThatThrownBy(() -> CanaryPlan.fromRollout("kind: Deployment\n"))
        .hasMessage("kind (1:1): expected a Rollout, but the first document's kind was \"Deployment\"");
  }

  @Test
  void rolloutIsReadStrictly_allProblemsWithPositionsAndHints() {
    String rollout = ROLLOUT_HEAD + String.join("\n",
        "        - setWeight: 20",
        "        - analysis:",
        "            templates:",
        "              - templateNmae: error-rate-analysis",
        "            args:",
        "              - name: service-name",
        "                vaule: checkout",
        "        - pause: {duration: 5m, durration: 1m}",
        "        - setWeight: '40'",
        "");
    PlanException e = catchThrowableOfType(PlanException.class, () -> CanaryPlan.fromRollout(rollout));
    assertThat(e.getCause()).isInstanceOf(ManifestException.class);
    assertThat(((ManifestException) e.getCause()).problems()).containsExactly(
        new ManifestProblem("spec.strategy.canary.steps[1].analysis.templates[0].templateNmae",
            new SourcePosition(11, 17), "unknown field 'templateNmae'", "did you mean 'templateName'?"),
        new ManifestProblem("spec.strategy.canary.steps[1].analysis.args[0].vaule", new SourcePosition(14, 17),
            "unknown field 'vaule'", "did you mean 'value'?"),
        new ManifestProblem("spec.strategy.canary.steps[2].pause.durration", new SourcePosition(15, 33),
            "unknown field 'durration'", "did you mean 'duration'?"),
        new ManifestProblem("spec.strategy.canary.steps[3].setWeight", new SourcePosition(16, 11),
            "expected a 32-bit integer, but was the string \"40\"", ""));
    assertThat(e).hasMessageContaining("spec.strategy.canary.steps[2].pause.durration (15:33): unknown field");
  }

  @Test
  void rolloutWithDuplicateKeys_isRejected() {
    String rollout = "kind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n"
        + "        - setWeight: 20\n          setWeight: 30\n";
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout))
        .hasMessage("spec.strategy.canary.steps[0].setWeight (7:11): duplicate key 'setWeight'; first given at 6:11;"
            + " remove one of them");
  }
}
