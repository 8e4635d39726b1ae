/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import dev.assay.manifest.ManifestException;
import dev.assay.manifest.Manifests;
import dev.assay.model.Resource;
import dev.assay.model.TemplateResource;
import dev.assay.plan.internal.RolloutSteps;
import dev.assay.templates.CanaryTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of canary steps. Immutable and thread-safe.
 *
 * @param steps the steps, in order
 */
public record CanaryPlan(List<CanaryStep> steps) {
  /**
   * Copies the steps.
   *
   * @param steps the steps, in order
   */
  public CanaryPlan {
    steps = List.copyOf(steps);
  }

  /**
   * A plan of the given steps.
   *
   * @param steps the steps
   * @return the plan
   */
  public static CanaryPlan of(CanaryStep... steps) {
    return new CanaryPlan(List.of(steps));
  }

  /**
   * The standard plan: 5% → pause 2m → smoke-test → 10% → pause 5m → error-rate → 25% → pause 10m → latency → 50% →
   * pause 15m → full analysis → 75% → pause 10m → pre-promotion → 100%. With the templates' default schedules it
   * takes about 55 minutes when every analysis passes.
   *
   * @return the plan
   */
  public static CanaryPlan standard() {
    return of(
        CanaryStep.setWeight(5), CanaryStep.pause(Duration.ofMinutes(2)), CanaryStep.analysis(CanaryTemplates.SMOKE_TEST),
        CanaryStep.setWeight(10), CanaryStep.pause(Duration.ofMinutes(5)), CanaryStep.analysis(CanaryTemplates.ERROR_RATE),
        CanaryStep.setWeight(25), CanaryStep.pause(Duration.ofMinutes(10)), CanaryStep.analysis(CanaryTemplates.LATENCY),
        CanaryStep.setWeight(50), CanaryStep.pause(Duration.ofMinutes(15)), CanaryStep.analysis(CanaryTemplates.FULL),
        CanaryStep.setWeight(75), CanaryStep.pause(Duration.ofMinutes(10)),
        CanaryStep.analysis(CanaryTemplates.PRE_PROMOTION),
        CanaryStep.setWeight(100));
  }

  /**
   * Reads {@code spec.strategy.canary.steps} of an Argo {@code Rollout} manifest (YAML or JSON). Supported steps:
   * {@code setWeight}, {@code pause} (with or without {@code duration}: seconds as a number, or text such as
   * {@code 30s}, {@code 10m}, {@code 1h}) and {@code analysis} (templates and args, including
   * {@code valueFrom.podTemplateHashValue} and {@code valueFrom.fieldRef}, which is resolved from the Rollout itself
   * as Argo's Rollout controller does), {@code setHeaderRoute} and {@code setMirrorRoute} (see
   * {@code docs/routes.md}: their route names must be listed in {@code trafficRouting.managedRoutes}, checked with
   * Argo's messages and field paths; each {@code exact}/{@code prefix}/{@code regex} match must set exactly one of
   * the three). {@code setCanaryScale} scales replicas, which a plan does not run, and is skipped; {@code experiment}
   * and {@code plugin} steps are rejected with the step position and what to do instead.
   *
   * <p>When the text also holds the analysis templates (other documents of the same file), Argo's Rollout reference
   * checks ({@link RolloutChecks}) run against them: a step's metric that runs indefinitely, a template the text does
   * not hold, or an argument a template needs and the step does not give is rejected. Without templates in the text
   * the same checks run when the plan is built ({@link PlanRunnerBuilder#build()}).
   *
   * @param yaml the manifest text
   * @return the plan
   * @throws PlanException naming the step and field when something cannot be read or a reference check fails
   */
  public static CanaryPlan fromRollout(String yaml) {
    CanaryPlan plan = new CanaryPlan(RolloutSteps.read(yaml));
    Map<String, TemplateResource> templates = new LinkedHashMap<>();
    try {
      for (Resource r : Manifests.read(yaml)) {
        if (r instanceof TemplateResource) {
          templates.put(r.metadata().name(), (TemplateResource) r);
        }
      }
    } catch (ManifestException e) {
      throw new PlanException("the templates beside the Rollout cannot be read: " + e.getMessage(), e);
    }
    if (!templates.isEmpty()) {
      List<RolloutProblem> problems = RolloutChecks.rollout(yaml, templates);
      if (!problems.isEmpty()) {
        throw new PlanException(problems.get(0).describe());
      }
    }
    return plan;
  }

  /**
   * Reads a Rollout manifest file; see {@link #fromRollout(String)}.
   *
   * @param path the file
   * @return the plan
   * @throws PlanException when the file cannot be read or a step is invalid
   */
  public static CanaryPlan fromRollout(Path path) {
    try {
      return fromRollout(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PlanException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * A copy with every timed pause multiplied by a factor, for demos and rehearsals (1/60 turns minutes into
   * seconds). Indefinite pauses stay indefinite.
   *
   * @param factor the multiplier, positive
   * @return the copy
   */
  public CanaryPlan withPausesScaled(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("factor must be > 0, but was " + factor);
    }
    List<CanaryStep> scaled = new ArrayList<>();
    for (CanaryStep s : steps) {
      if (s instanceof CanaryStep.Pause && ((CanaryStep.Pause) s).duration() != null) {
        long nanos = Math.round(((CanaryStep.Pause) s).duration().toNanos() * factor);
        scaled.add(CanaryStep.pause(Duration.ofNanos(nanos)));
      } else {
        scaled.add(s);
      }
    }
    return new CanaryPlan(scaled);
  }

  /**
   * The sum of the timed pauses, a lower bound for the plan's duration.
   *
   * @return the total pause time
   */
  public Duration totalPause() {
    Duration total = Duration.ZERO;
    for (CanaryStep s : steps) {
      if (s instanceof CanaryStep.Pause && ((CanaryStep.Pause) s).duration() != null) {
        total = total.plus(((CanaryStep.Pause) s).duration());
      }
    }
    return total;
  }
}
