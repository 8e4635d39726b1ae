/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.manifest.ManifestException;
import dev.assay.manifest.Manifests;
import dev.assay.model.GoDuration;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanException;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.RolloutFieldRefs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code spec.strategy.canary.steps} of an Argo Rollout; only the parts a canary plan needs, after checking
 * them strictly against Argo's schema ({@link dev.assay.manifest.ManifestReader#readRollout(String)}: unknown
 * fields, wrong types and duplicate keys are errors, all reported at once with line:column).
 */
public final class RolloutSteps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PLAIN = new TypeReference<>() {};

  private RolloutSteps() {}

  /**
   * Reads the steps.
   *
   * @param text the Rollout manifest, YAML or JSON
   * @return the steps
   * @throws PlanException naming the position of what cannot be read
   */
  public static List<CanaryStep> read(String text) {
    List<CanaryStep> out = new ArrayList<>();
    for (IndexedStep s : readIndexed(text)) {
      out.add(s.step());
    }
    return out;
  }

  /**
   * A step with the path it was read from.
   *
   * @param path the step's field path, such as {@code spec.strategy.canary.steps[3]}
   * @param step the step
   */
  public record IndexedStep(String path, CanaryStep step) {}

  /**
   * Reads the steps with their paths; steps that do not change weights ({@code setCanaryScale}, ...) are left out.
   * {@code valueFrom.fieldRef} arguments are resolved from the Rollout itself, as Argo's Rollout controller does.
   *
   * @param text the Rollout manifest, YAML or JSON; other documents (such as templates) are skipped
   * @return the steps
   * @throws PlanException naming the position of what cannot be read
   */
  public static List<IndexedStep> readIndexed(String text) {
    JsonNode root = rollout(text);
    JsonNode steps = root.path("spec").path("strategy").path("canary").path("steps");
    if (!steps.isArray()) {
      throw new PlanException("spec.strategy.canary.steps: missing (only canary Rollouts have steps)");
    }
    Map<String, Object> plain = JSON.convertValue(root, PLAIN);
    List<IndexedStep> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String at = "spec.strategy.canary.steps[" + i + "]";
      List<CanaryStep> one = new ArrayList<>();
      step(steps.get(i), at, plain, one);
      for (CanaryStep s : one) {
        out.add(new IndexedStep(at, s));
      }
    }
    return out;
  }

  /**
   * The Rollout document of a text: the only document of kind {@code Rollout}.
   *
   * @param text YAML (one or more documents) or JSON
   * @return its tree
   * @throws PlanException when there is no Rollout or the text does not parse
   */
  public static JsonNode rollout(String text) {
    try {
      return Manifests.reader().readRollout(text).tree();
    } catch (ManifestException e) {
      throw new PlanException(e.getMessage(), e);
    }
  }

  private static void step(JsonNode s, String at, Map<String, Object> rollout, List<CanaryStep> out) {
    Iterator<String> names = s.fieldNames();
    if (!names.hasNext()) {
      throw new PlanException(at + ": empty step");
    }
    String type = names.next();
    JsonNode body = s.get(type);
    try {
      switch (type) {
        case "setWeight":
          if (!body.canConvertToInt()) {
            throw new PlanException(at + ".setWeight: expected an integer, but was " + body);
          }
          out.add(CanaryStep.setWeight(body.asInt()));
          break;
        case "pause":
          JsonNode d = body.path("duration");
          out.add(d.isMissingNode() || d.isNull() ? CanaryStep.pause() : CanaryStep.pause(duration(d, at)));
          break;
        case "analysis":
          out.add(analysis(body, at + ".analysis", rollout));
          break;
        case "setCanaryScale":
        case "setHeaderRoute":
        case "setMirrorRoute":
          break; // they change replicas or routes, not the weight the plan walks
        default:
          throw new PlanException(at + ": step type " + type + " is not supported by canary plans");
      }
    } catch (IllegalArgumentException e) {
      throw new PlanException(at + "." + type + ": " + e.getMessage(), e);
    }
  }

  private static Duration duration(JsonNode d, String at) {
    if (d.isIntegralNumber()) {
      return Duration.ofSeconds(d.asLong());
    }
    String text = d.asText();
    if (text.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      return GoDuration.parse(text);
    } catch (RuntimeException e) {
      throw new PlanException(at + ".pause.duration: " + e.getMessage(), e);
    }
  }

  private static CanaryStep analysis(JsonNode a, String at, Map<String, Object> rollout) {
    List<String> templates = new ArrayList<>();
    JsonNode ts = a.path("templates");
    for (int i = 0; i < ts.size(); i++) {
      String name = ts.get(i).path("templateName").asText("");
      if (name.isEmpty()) {
        throw new PlanException(at + ".templates[" + i + "].templateName: missing");
      }
      templates.add(name);
    }
    if (templates.isEmpty()) {
      throw new PlanException(at + ".templates: at least one template is needed");
    }
    List<CanaryStep.StepArgument> args = new ArrayList<>();
    JsonNode as = a.path("args");
    for (int i = 0; i < as.size(); i++) {
      JsonNode arg = as.get(i);
      String name = arg.path("name").asText("");
      if (name.isEmpty()) {
        throw new PlanException(at + ".args[" + i + "].name: missing");
      }
      String argAt = at + ".args[" + i + "]";
      JsonNode valueFrom = arg.path("valueFrom");
      if (arg.has("value") && !valueFrom.isMissingNode()) {
        // Argo's Rollout validation message.
        throw new PlanException(argAt + ": arg '" + name + "' has both Value and ValueFrom fields");
      }
      JsonNode hash = valueFrom.path("podTemplateHashValue");
      JsonNode fieldPath = valueFrom.path("fieldRef").path("fieldPath");
      if (!hash.isMissingNode()) {
        args.add(new CanaryStep.StepArgument(name, null, hash.asText()));
      } else if (!fieldPath.isMissingNode()) {
        args.add(CanaryStep.StepArgument.of(name, fieldRef(rollout, fieldPath.asText(), argAt)));
      } else if (arg.has("value")) {
        args.add(CanaryStep.StepArgument.of(name, arg.get("value").asText()));
      } else {
        throw new PlanException(argAt + ": needs value, valueFrom.podTemplateHashValue or valueFrom.fieldRef");
      }
    }
    return new CanaryStep.Analysis(templates, args);
  }

  /** Resolves a step argument's fieldRef from the Rollout, as Argo's Rollout controller does when it builds a run. */
  private static String fieldRef(Map<String, Object> rollout, String fieldPath, String at) {
    try {
      return RolloutFieldRefs.resolve(rollout, fieldPath);
    } catch (ArgumentResolutionException e) {
      throw new PlanException(at + ".valueFrom.fieldRef.fieldPath: " + e.getMessage(), e);
    }
  }
}
