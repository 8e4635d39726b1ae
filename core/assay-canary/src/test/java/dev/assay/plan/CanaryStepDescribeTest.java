/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one-line descriptions the demo and {@code assay run --rollout} print for each step. */
class CanaryStepDescribeTest {
  @Test
  void everyKindOfStepSaysWhatItDoes() {
    assertThat(CanaryStep.setWeight(25).describe()).isEqualTo("setWeight 25%");
    assertThat(CanaryStep.pause(Duration.ofMinutes(5)).describe()).isEqualTo("pause 5m0s");
    assertThat(CanaryStep.pause().describe()).isEqualTo("pause until promoted");
    assertThat(CanaryStep.analysis("smoke-test", "error-rate").describe()).isEqualTo("analysis smoke-test, error-rate");
    assertThat(CanaryStep.setHeaderRoute("canary-testers", HeaderRouteMatch.exact("x-canary", "true")).describe())
        .startsWith("setHeaderRoute canary-testers: x-canary");
    assertThat(CanaryStep.removeHeaderRoute("canary-testers").describe())
        .isEqualTo("setHeaderRoute canary-testers (remove)");
    SplitCheck check = SplitCheck.builder(URI.create("http://router.local/api/v1/version"),
        SplitClassifier.jsonPath(".version", "v2")).build();
    assertThat(CanaryStep.verifySplit(check).describe()).isEqualTo("verifySplit http://router.local/api/v1/version");
  }
}
