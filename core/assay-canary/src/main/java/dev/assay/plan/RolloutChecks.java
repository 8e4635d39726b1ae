/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.model.Argument;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.TemplateResource;
import dev.assay.plan.internal.RolloutSteps;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.ArgumentResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Argo Rollouts' reference checks of analysis steps (its {@code validation_references.go}; see
 * {@code docs/lint-rules.md}): every template a step names exists; no metric of a step's template runs indefinitely
 * (an {@code interval} and no {@code count}), which Argo rejects with
 * {@code AnalysisTemplate <t> has metric <m> which runs indefinitely. Invalid value for count: <nil>}; every argument a
 * template needs (no default value, not a secret) is given by the step or the plan. Templates are judged with their own
 * default arguments, a missing value replaced by {@code dummy-value}, as Argo does, so a count given only by the step is
 * not seen (Argo issue 3243). Stateless and thread-safe.
 */
public final class RolloutChecks {
  /** The value Argo's Rollout validation gives template arguments that have none. */
  private static final String DUMMY_VALUE = "dummy-value";

  private RolloutChecks() {}

  /**
   * Checks every analysis step of a Rollout manifest against templates.
   *
   * @param rolloutText the Rollout manifest (YAML or JSON; other documents in the text are ignored)
   * @param templates the templates by {@code metadata.name}
   * @return the problems, in step order; empty when there are none
   * @throws PlanException when the Rollout's steps cannot be read at all
   */
  public static List<RolloutProblem> rollout(String rolloutText, Map<String, ? extends TemplateResource> templates) {
    Objects.requireNonNull(templates, "templates");
    List<RolloutProblem> out = new ArrayList<>();
    for (RolloutSteps.IndexedStep s : RolloutSteps.readIndexed(rolloutText)) {
      if (s.step() instanceof CanaryStep.Analysis) {
        CanaryStep.Analysis a = (CanaryStep.Analysis) s.step();
        List<String> given = new ArrayList<>();
        a.args().forEach(arg -> given.add(arg.name()));
        out.addAll(analysisStep(s.path() + ".analysis", a, templates, Set.copyOf(given)));
      }
    }
    return out;
  }

  /**
   * Checks one analysis step.
   *
   * @param path the step's analysis block path, such as {@code spec.strategy.canary.steps[2].analysis} or
   *     {@code steps[2]}
   * @param step the step
   * @param templates the templates by {@code metadata.name}
   * @param suppliedArgs names of the arguments the step and the plan give
   * @return the problems; empty when there are none
   */
  public static List<RolloutProblem> analysisStep(String path, CanaryStep.Analysis step,
      Map<String, ? extends TemplateResource> templates, Set<String> suppliedArgs) {
    List<RolloutProblem> out = new ArrayList<>();
    for (int i = 0; i < step.templateNames().size(); i++) {
      String name = step.templateNames().get(i);
      String at = path + ".templates[" + i + "].templateName";
      TemplateResource template = templates.get(name);
      if (template == null) {
        out.add(new RolloutProblem("missing-template", at, "AnalysisTemplate " + name + " not found",
            "add the template (lint it together with the Rollout) or fix the name; known: " + templates.keySet()));
        continue;
      }
      for (Metric m : withDefaults(template)) {
        if (runsIndefinitely(m)) {
          out.add(new RolloutProblem("indefinite-metric", at, template.kind() + " " + name + " has metric "
              + m.name() + " which runs indefinitely. Invalid value for count: " + countText(m.count()),
              "give metric " + m.name() + " a count (a step waits for its analysis to finish), or run it as "
              + "background analysis"));
        }
      }
      for (Argument a : template.spec().args()) {
        if (a.value() == null && a.valueFrom() == null && !suppliedArgs.contains(a.name())) {
          out.add(new RolloutProblem("missing-step-arg", path + (step.args().isEmpty() ? "" : ".args"),
              "args." + a.name() + " was not resolved",
              "template " + name + " needs argument " + a.name() + ": add {name: " + a.name()
              + ", value: ...} to the step's args"));
        }
      }
    }
    return out;
  }

  /** The template's metrics resolved with its default arguments, as Argo's Rollout validation resolves them. */
  private static List<Metric> withDefaults(TemplateResource template) {
    List<Argument> defaults = new ArrayList<>();
    for (Argument a : template.spec().args()) {
      defaults.add(a.value() != null || a.isSecret() ? a : Argument.of(a.name(), DUMMY_VALUE));
    }
    try {
      return ArgumentResolver.resolveWithoutSecrets(template.spec().metrics(), defaults);
    } catch (ArgumentResolutionException e) {
      return List.of(); // an unresolvable template is the template validation's finding, not a reference problem
    }
  }

  /** Argo's {@code EffectiveCount} is unbounded: no count (or 0) and an interval. */
  static boolean runsIndefinitely(Metric m) {
    boolean noCount = m.count() == null || m.count().intValue() == 0;
    return noCount && !m.interval().isEmpty();
  }

  private static String countText(@Nullable IntOrString count) {
    return count == null ? "<nil>" : count.toString();
  }
}
