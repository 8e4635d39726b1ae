/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.Objects;

/**
 * A reference problem in a Rollout's analysis step, found by {@link RolloutChecks}. Immutable.
 *
 * @param ruleId the lint rule id ({@code indefinite-metric}, {@code missing-template} or {@code missing-step-arg});
 *     see {@code docs/lint-rules.md}
 * @param path the field path, such as {@code spec.strategy.canary.steps[2].analysis.templates[0].templateName}
 * @param message what is wrong, in Argo's words where Argo has them
 * @param hint how to fix it
 */
public record RolloutProblem(String ruleId, String path, String message, String hint) {
  /**
   * Validates the components.
   *
   * @param ruleId the lint rule id
   * @param path the field path
   * @param message what is wrong
   * @param hint how to fix it
   */
  public RolloutProblem {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * The problem as {@code path: message}, as a {@link PlanException} shows it.
   *
   * @return the text
   */
  public String describe() {
    return path + ": " + message;
  }
}
