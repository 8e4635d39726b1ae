/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The {@code verifySplit} step: Java API only, never read from a Rollout manifest. */
class VerifySplitStepTest {
  private static final SplitCheck CHECK = SplitCheck.builder(URI.create("http://checkout.shop/api/v1/version"),
      SplitClassifier.jsonPath(".version", "1.1.0")).build();

  @Test
  void isAPlanStep() {
    CanaryPlan plan = CanaryPlan.of(CanaryStep.setWeight(5), CanaryStep.verifySplit(CHECK));

    assertThat(plan.steps()).containsExactly(CanaryStep.setWeight(5), new CanaryStep.VerifySplit(CHECK));
    assertThat(((CanaryStep.VerifySplit) plan.steps().get(1)).check().requests()).isEqualTo(100);
    assertThatThrownBy(() -> new CanaryStep.VerifySplit(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRolloutCannotExpressIt() {
    String rollout = "kind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n      - setWeight: 5\n"
        + "      - verifySplit: {requests: 100}\n";

    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout)).hasMessageContaining("verifySplit");
  }
}
