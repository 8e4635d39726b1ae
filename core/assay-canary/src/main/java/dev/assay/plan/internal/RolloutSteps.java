/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.assay.model.GoDuration;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads {@code spec.strategy.canary.steps} of an Argo Rollout; only the parts a canary plan needs. */
public final class RolloutSteps {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private RolloutSteps() {}

  /**
   * Reads the steps.
   *
   * @param text the Rollout manifest, YAML or JSON
   * @return the steps
   * @throws PlanException naming the position of what cannot be read
   */
  public static List<CanaryStep> read(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new PlanException("not a YAML or JSON document: " + e.getMessage(), e);
    }
    if (root == null || !"Rollout".equals(root.path("kind").asText())) {
      throw new PlanException("kind: expected Rollout, but was \"" + (root == null ? "" : root.path("kind").asText())
          + "\"");
    }
    JsonNode steps = root.path("spec").path("strategy").path("canary").path("steps");
    if (!steps.isArray()) {
      throw new PlanException("spec.strategy.canary.steps: missing (only canary Rollouts have steps)");
    }
    List<CanaryStep> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      step(steps.get(i), "spec.strategy.canary.steps[" + i + "]", out);
    }
    return out;
  }

  private static void step(JsonNode s, String at, List<CanaryStep> out) {
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
          out.add(analysis(body, at + ".analysis"));
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

  private static CanaryStep analysis(JsonNode a, String at) {
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
      JsonNode hash = arg.path("valueFrom").path("podTemplateHashValue");
      if (!hash.isMissingNode()) {
        args.add(new CanaryStep.StepArgument(name, null, hash.asText()));
      } else if (arg.has("value")) {
        args.add(CanaryStep.StepArgument.of(name, arg.get("value").asText()));
      } else {
        throw new PlanException(at + ".args[" + i + "]: only value and valueFrom.podTemplateHashValue are supported");
      }
    }
    return new CanaryStep.Analysis(templates, args);
  }
}
