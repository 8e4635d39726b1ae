/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.plan.split.SplitCheck;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One step of a canary plan, as in Argo Rollouts' {@code strategy.canary.steps}. */
public sealed interface CanaryStep {
  /**
   * A {@code setWeight} step.
   *
   * @param percent the canary's share of traffic, 0 to 100
   * @return the step
   */
  static SetWeight setWeight(int percent) {
    return new SetWeight(percent);
  }

  /**
   * A pause that lasts until {@link PlanRunner#promote()}.
   *
   * @return the step
   */
  static Pause pause() {
    return new Pause(null);
  }

  /**
   * A timed pause.
   *
   * @param duration how long, positive
   * @return the step
   */
  static Pause pause(Duration duration) {
    return new Pause(Objects.requireNonNull(duration, "duration"));
  }

  /**
   * An analysis of one or more templates, without step arguments.
   *
   * @param templateNames the templates, by name
   * @return the step
   */
  static Analysis analysis(String... templateNames) {
    return new Analysis(List.of(templateNames), List.of());
  }

  /**
   * Sets the canary weight.
   *
   * @param percent the canary's share of traffic, 0 to 100
   */
  record SetWeight(int percent) implements CanaryStep {
    /**
     * Validates the weight.
     *
     * @param percent the canary's share of traffic, 0 to 100
     */
    public SetWeight {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("setWeight must be between 0 and 100, but was " + percent);
      }
    }
  }

  /**
   * Pauses the plan, for a duration or until promoted.
   *
   * @param duration how long, or null to wait for {@link PlanRunner#promote()}
   */
  record Pause(@Nullable Duration duration) implements CanaryStep {
    /**
     * Validates the duration.
     *
     * @param duration how long, or null to wait for {@link PlanRunner#promote()}
     */
    public Pause {
      if (duration != null && duration.isNegative()) {
        throw new IllegalArgumentException("pause duration must not be negative, but was " + duration);
      }
    }

    /**
     * The duration, if the pause is timed.
     *
     * @return the duration, or empty for an indefinite pause
     */
    public Optional<Duration> timed() {
      return Optional.ofNullable(duration);
    }
  }

  /**
   * Runs an analysis built from templates (flattened and merged as Argo does) and waits for its verdict.
   *
   * @param templateNames template names, at least one
   * @param args step arguments; they override the runner's arguments of the same name
   */
  record Analysis(List<String> templateNames, List<StepArgument> args) implements CanaryStep {
    /**
     * Validates and copies.
     *
     * @param templateNames template names, at least one
     * @param args step arguments; they override the runner's arguments of the same name
     */
    public Analysis {
      templateNames = List.copyOf(templateNames);
      args = List.copyOf(args);
      if (templateNames.isEmpty()) {
        throw new IllegalArgumentException("an analysis step needs at least one template");
      }
    }
  }

  /**
   * An argument of an analysis step: a value, or Argo's {@code valueFrom.podTemplateHashValue}.
   *
   * @param name the argument name
   * @param value the value, or null when {@code podTemplateHashValue} is set
   * @param podTemplateHashValue {@code Stable} or {@code Latest}, or null; resolved with
   *     {@link PlanRunner.Builder#podTemplateHashes(String, String)}
   */
  record StepArgument(String name, @Nullable String value, @Nullable String podTemplateHashValue) {
    /**
     * Validates the components.
     *
     * @param name the argument name
     * @param value the value, or null when {@code podTemplateHashValue} is set
     * @param podTemplateHashValue {@code Stable} or {@code Latest}, or null; resolved with {@link PlanRunner.Builder#podTemplateHashes(String, String)}
     */
    public StepArgument {
      Objects.requireNonNull(name, "name");
      if ((value == null) == (podTemplateHashValue == null)) {
        throw new IllegalArgumentException("argument " + name + " needs exactly one of value and podTemplateHashValue");
      }
      if (podTemplateHashValue != null && !podTemplateHashValue.equals("Stable")
          && !podTemplateHashValue.equals("Latest")) {
        throw new IllegalArgumentException("argument " + name
            + ": podTemplateHashValue must be Stable or Latest, but was " + podTemplateHashValue);
      }
    }

    /**
     * A plain value.
     *
     * @param name the name
     * @param value the value
     * @return the argument
     */
    public static StepArgument of(String name, String value) {
      return new StepArgument(name, Objects.requireNonNull(value, "value"), null);
    }
  }

  /**
   * A check that the traffic split is real at the current weight: sends the check's requests through the router's
   * entry point and tests the canary share (docs/split-verification.md). Java API only: Argo Rollouts has no such
   * step, so {@link CanaryPlan#fromRollout} never produces it.
   *
   * @param check the check
   * @return the step
   */
  static VerifySplit verifySplit(SplitCheck check) {
    return new VerifySplit(check);
  }

  /**
   * Verifies the traffic split at the current weight. Consistent continues, broken rolls back, inconclusive pauses
   * (like an Inconclusive analysis: {@link PlanRunner#retry()} runs the check again, {@link PlanRunner#promote()}
   * accepts it).
   *
   * @param check what to send and how to classify the responses
   */
  record VerifySplit(SplitCheck check) implements CanaryStep {
    /**
     * Validates.
     *
     * @param check what to send and how to classify the responses
     */
    public VerifySplit {
      Objects.requireNonNull(check, "check");
    }
  }
}
