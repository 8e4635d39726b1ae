/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.GoDuration;
import dev.assay.plan.split.SplitCheck;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One step of a canary plan, as in Argo Rollouts' {@code strategy.canary.steps}. */
public sealed interface CanaryStep {
  /**
   * The step in a few words, for progress lines and logs: {@code setWeight 25%}, {@code pause 5m0s},
   * {@code pause until promoted}, {@code analysis smoke-test}, {@code setHeaderRoute canary-testers: x-canary exact
   * true}, {@code verifySplit http://router/api/v1/version}.
   *
   * @return the text
   */
  String describe();

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

    @Override
    public String describe() {
      return "setWeight " + percent + "%";
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

    @Override
    public String describe() {
      return "pause " + timed().map(GoDuration::format).orElse("until promoted");
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

    @Override
    public String describe() {
      return "analysis " + String.join(", ", templateNames);
    }
  }

  /**
   * An argument of an analysis step: a value, or Argo's {@code valueFrom.podTemplateHashValue}.
   *
   * @param name the argument name
   * @param value the value, or null when {@code podTemplateHashValue} is set
   * @param podTemplateHashValue {@code Stable} or {@code Latest}, or null; resolved with
   *     {@link PlanRunnerBuilder#podTemplateHashes(String, String)}
   */
  record StepArgument(String name, @Nullable String value, @Nullable String podTemplateHashValue) {
    /**
     * Validates the components.
     *
     * @param name the argument name
     * @param value the value, or null when {@code podTemplateHashValue} is set
     * @param podTemplateHashValue {@code Stable} or {@code Latest}, or null; resolved with {@link PlanRunnerBuilder#podTemplateHashes(String, String)}
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
   * A {@code setHeaderRoute} step: requests matching any of the rules go to the canary, whatever the weight.
   *
   * @param name the managed route's name
   * @param matches the rules, at least one (any of them sends a request to the canary)
   * @return the step
   * @throws IllegalArgumentException when there is no rule (use {@link #removeHeaderRoute(String)})
   */
  static SetHeaderRoute setHeaderRoute(String name, HeaderRouteMatch... matches) {
    if (matches.length == 0) {
      throw new IllegalArgumentException("setHeaderRoute " + name + " needs at least one match; "
          + "removeHeaderRoute(name) removes the route");
    }
    return new SetHeaderRoute(name, List.of(matches));
  }

  /**
   * A {@code setHeaderRoute} step with only a name: removes that header route.
   *
   * @param name the managed route's name
   * @return the step
   */
  static SetHeaderRoute removeHeaderRoute(String name) {
    return new SetHeaderRoute(name, List.of());
  }

  /**
   * A {@code setMirrorRoute} step: a share of the requests matching any of the rules is also sent to the canary,
   * whose answers are discarded.
   *
   * @param name the managed route's name
   * @param percentage the share of matching requests mirrored, 0 to 100 (Argo's default is 100)
   * @param matches the rules, at least one (any of them selects a request)
   * @return the step
   * @throws IllegalArgumentException when there is no rule (use {@link #removeMirrorRoute(String)})
   */
  static SetMirrorRoute setMirrorRoute(String name, int percentage, MirrorRouteMatch... matches) {
    if (matches.length == 0) {
      throw new IllegalArgumentException("setMirrorRoute " + name + " needs at least one match; "
          + "removeMirrorRoute(name) removes the route");
    }
    return new SetMirrorRoute(name, percentage, List.of(matches));
  }

  /**
   * A {@code setMirrorRoute} step with only a name: removes that mirror route.
   *
   * @param name the managed route's name
   * @return the step
   */
  static SetMirrorRoute removeMirrorRoute(String name) {
    return new SetMirrorRoute(name, 100, List.of());
  }

  /**
   * Sets or removes a header route (Argo's {@code setHeaderRoute}): while it is set, requests matching any rule go
   * to the canary whatever the weight. Route names are the Rollout's {@code trafficRouting.managedRoutes}; every
   * managed route is removed when the plan is promoted or rolled back. See {@code docs/routes.md}.
   *
   * @param name the managed route's name, not blank
   * @param match the rules (OR); empty removes the route
   */
  record SetHeaderRoute(String name, List<HeaderRouteMatch> match) implements CanaryStep {
    /**
     * Validates and copies.
     *
     * @param name the managed route's name, not blank
     * @param match the rules (OR); empty removes the route
     */
    public SetHeaderRoute {
      Objects.requireNonNull(name, "name");
      match = List.copyOf(match);
      if (name.isBlank()) {
        throw new IllegalArgumentException("name: Required value");
      }
    }

    /**
     * Whether the step removes the route (it has no rule).
     *
     * @return true for a removal
     */
    public boolean removes() {
      return match.isEmpty();
    }

    /**
     * As a Rollout writes it, e.g. {@code setHeaderRoute canary-testers: x-canary exact true}.
     *
     * @return the text
     */
    @Override
    public String describe() {
      return removes() ? "setHeaderRoute " + name + " (remove)"
          : "setHeaderRoute " + name + ": " + String.join(" or ", match.stream().map(HeaderRouteMatch::describe)
              .toList());
    }
  }

  /**
   * Sets or removes a mirror route (Argo's {@code setMirrorRoute}): while it is set, {@code percentage}% of the
   * requests matching any rule are also sent to the canary, whose answers are discarded; the requests themselves are
   * routed by weight as before. Every managed route is removed when the plan is promoted or rolled back. See
   * {@code docs/routes.md}.
   *
   * @param name the managed route's name, not blank
   * @param percentage the share of matching requests mirrored, 0 to 100
   * @param match the rules (OR); empty removes the route
   */
  record SetMirrorRoute(String name, int percentage, List<MirrorRouteMatch> match) implements CanaryStep {
    /**
     * Validates and copies.
     *
     * @param name the managed route's name, not blank
     * @param percentage the share of matching requests mirrored, 0 to 100
     * @param match the rules (OR); empty removes the route
     */
    public SetMirrorRoute {
      Objects.requireNonNull(name, "name");
      match = List.copyOf(match);
      if (name.isBlank()) {
        throw new IllegalArgumentException("name: Required value");
      }
      if (percentage < 0 || percentage > 100) {
        throw new IllegalArgumentException("percentage must be between 0 and 100, but was " + percentage);
      }
    }

    /**
     * Whether the step removes the route (it has no rule).
     *
     * @return true for a removal
     */
    public boolean removes() {
      return match.isEmpty();
    }

    /**
     * As a Rollout writes it, e.g. {@code setMirrorRoute shadow 35%: method exact GET}.
     *
     * @return the text
     */
    @Override
    public String describe() {
      return removes() ? "setMirrorRoute " + name + " (remove)"
          : "setMirrorRoute " + name + " " + percentage + "%: " + String.join(" or ",
              match.stream().map(MirrorRouteMatch::describe).toList());
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

    @Override
    public String describe() {
      return "verifySplit " + check.url();
    }
  }
}
