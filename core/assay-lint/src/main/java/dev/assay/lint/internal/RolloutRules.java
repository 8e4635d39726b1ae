/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.lint.Severity;
import dev.assay.model.TemplateResource;
import dev.assay.plan.PlanException;
import dev.assay.plan.RolloutChecks;
import dev.assay.plan.RolloutProblem;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.RolloutFieldRefs;
import java.util.Map;

/**
 * Argo's Rollout reference checks on a {@code Rollout} document ({@link RolloutChecks}: {@code indefinite-metric},
 * {@code missing-template}, {@code missing-step-arg}), {@code fieldRef} paths that lead nowhere in the Rollout
 * ({@code fieldref-path}) and steps the plan reader rejects ({@code rollout-step}). Stateless.
 */
final class RolloutRules {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PLAIN = new TypeReference<>() {};

  private RolloutRules() {}

  static void check(JsonNode rollout, Map<String, TemplateResource> templates, FindingSink sink) {
    Map<String, Object> plain = JSON.convertValue(rollout, PLAIN);
    boolean fieldRefProblem = fieldRefs(rollout.path("spec").path("strategy").path("canary").path("analysis"),
        "spec.strategy.canary.analysis", plain, sink);
    JsonNode steps = rollout.path("spec").path("strategy").path("canary").path("steps");
    for (int i = 0; i < steps.size(); i++) {
      fieldRefProblem |= fieldRefs(steps.get(i).path("analysis"), "spec.strategy.canary.steps[" + i + "].analysis",
          plain, sink);
    }
    try {
      for (RolloutProblem p : RolloutChecks.rollout(JSON.writeValueAsString(rollout), templates)) {
        sink.add(p.ruleId(), Severity.ERROR, p.path(), p.message(), p.hint());
      }
    } catch (PlanException e) {
      if (!fieldRefProblem) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        String path = colon > 0 && message.startsWith("spec.") ? message.substring(0, colon) : "spec";
        sink.add("rollout-step", Severity.ERROR, path, colon > 0 ? message.substring(colon + 2) : message,
            "fix the step; see docs/lint-rules.md#rollout-step");
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** Reports every fieldRef of an analysis block that does not resolve; true when there was one. */
  private static boolean fieldRefs(JsonNode analysis, String at, Map<String, Object> rollout, FindingSink sink) {
    boolean found = false;
    JsonNode args = analysis.path("args");
    for (int j = 0; j < args.size(); j++) {
      JsonNode fieldPath = args.get(j).path("valueFrom").path("fieldRef").path("fieldPath");
      if (fieldPath.isMissingNode()) {
        continue;
      }
      try {
        RolloutFieldRefs.resolve(rollout, fieldPath.asText());
      } catch (ArgumentResolutionException e) {
        found = true;
        sink.add("fieldref-path", Severity.ERROR, at + ".args[" + j + "].valueFrom.fieldRef.fieldPath",
            "fieldRef " + fieldPath.asText() + " does not lead to a value of this Rollout: " + e.getMessage(),
            "use a path that exists, such as metadata.name, metadata.labels['app'] or "
            + "spec.template.metadata.labels.app");
      }
    }
    return found;
  }
}
