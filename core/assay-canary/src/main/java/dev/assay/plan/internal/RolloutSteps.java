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
import dev.assay.plan.HeaderRouteMatch;
import dev.assay.plan.MirrorRouteMatch;
import dev.assay.plan.PlanException;
import dev.assay.plan.StringMatch;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.RolloutFieldRefs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
   * Reads the steps with their paths; {@code setCanaryScale} (it scales replicas, which a plan does not run) is left
   * out. Header and mirror route names are checked against {@code trafficRouting.managedRoutes} as Argo's Rollout
   * validation does (docs/routes.md).
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
    JsonNode trafficRouting = root.path("spec").path("strategy").path("canary").path("trafficRouting");
    List<IndexedStep> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String at = "spec.strategy.canary.steps[" + i + "]";
      List<CanaryStep> one = new ArrayList<>();
      step(steps.get(i), at, plain, one);
      for (CanaryStep s : one) {
        checkManagedRoute(s, at, trafficRouting);
      }
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
        case "setHeaderRoute":
          out.add(headerRoute(body, at + ".setHeaderRoute"));
          break;
        case "setMirrorRoute":
          out.add(mirrorRoute(body, at + ".setMirrorRoute"));
          break;
        case "setCanaryScale":
          break; // it scales the canary's replicas, which a plan does not run; the weight is unchanged
        case "experiment":
          throw new PlanException(at + ".experiment: experiment steps are not supported by canary plans (a plan "
              + "starts no ReplicaSets of its own); run the experiment's analyses as analysis steps instead "
              + "(steps[].analysis with the same templates and args), against the canary the plan already runs");
        case "plugin":
          throw new PlanException(at + ".plugin: plugin steps are not supported by canary plans (Assay runs no Argo "
              + "step plugins); do the plugin's work in the TrafficRouter given to the plan, or as an analysis step "
              + "(a Job or Web metric)");
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

  private static CanaryStep.SetHeaderRoute headerRoute(JsonNode body, String at) {
    String name = routeName(body, at);
    JsonNode match = body.path("match");
    if (match.isMissingNode() || match.isNull()) {
      return CanaryStep.removeHeaderRoute(name);
    }
    requireRules(match, at);
    List<HeaderRouteMatch> rules = new ArrayList<>();
    for (int j = 0; j < match.size(); j++) {
      JsonNode m = match.get(j);
      String mAt = at + ".match[" + j + "]";
      String header = m.path("headerName").asText("");
      if (header.isEmpty()) {
        throw new PlanException(mAt + ".headerName: Required value");
      }
      JsonNode value = m.path("headerValue");
      if (value.isMissingNode() || value.isNull()) {
        throw new PlanException(mAt + ".headerValue: Required value");
      }
      rules.add(new HeaderRouteMatch(header, stringMatch(value, mAt, mAt + ".headerValue")));
    }
    return new CanaryStep.SetHeaderRoute(name, rules);
  }

  private static CanaryStep.SetMirrorRoute mirrorRoute(JsonNode body, String at) {
    String name = routeName(body, at);
    JsonNode p = body.path("percentage");
    int percentage = p.isMissingNode() || p.isNull() ? 100 : p.asInt();
    if (percentage < 0 || percentage > 100) {
      throw new PlanException(at + ".percentage: Invalid value: " + percentage + ": must be between 0 and 100 "
          + "(the share of matching requests mirrored)");
    }
    JsonNode match = body.path("match");
    if (match.isMissingNode() || match.isNull()) {
      return new CanaryStep.SetMirrorRoute(name, percentage, List.of());
    }
    requireRules(match, at);
    List<MirrorRouteMatch> rules = new ArrayList<>();
    for (int j = 0; j < match.size(); j++) {
      JsonNode m = match.get(j);
      String mAt = at + ".match[" + j + "]";
      Map<String, StringMatch> headers = new LinkedHashMap<>();
      m.path("headers").properties().forEach(h -> {
        String hAt = mAt + ".headers." + h.getKey();
        headers.put(h.getKey(), stringMatch(h.getValue(), hAt, hAt));
      });
      rules.add(new MirrorRouteMatch(optionalMatch(m, "method", mAt), optionalMatch(m, "path", mAt), headers));
    }
    return new CanaryStep.SetMirrorRoute(name, percentage, rules);
  }

  private static String routeName(JsonNode body, String at) {
    String name = body.path("name").asText("");
    if (name.isEmpty()) {
      throw new PlanException(at + ".name: Required value");
    }
    return name;
  }

  /** An empty list would match every request in a mesh (Istio's empty match); leaving match out removes a route. */
  private static void requireRules(JsonNode match, String at) {
    if (match.isEmpty()) {
      throw new PlanException(at + ".match: an empty list would send every request to the canary (a mesh matches "
          + "all requests with no rule); give at least one rule, or leave match out to remove the route");
    }
  }

  private static @Nullable StringMatch optionalMatch(JsonNode rule, String field, String at) {
    JsonNode node = rule.path(field);
    return node.isMissingNode() || node.isNull() ? null : stringMatch(node, at, at + "." + field);
  }

  /**
   * Argo's StringMatch check (validation of hasMultipleMatchValues): exactly one non-empty field, reported at Argo's
   * path ({@code match[j]}); a regular expression that does not compile is reported at the field's own path.
   */
  private static StringMatch stringMatch(JsonNode node, String at, String fieldAt) {
    StringMatch found = null;
    for (StringMatch.Kind kind : StringMatch.Kind.values()) {
      String v = node.path(kind.fieldName()).asText("");
      if (v.isEmpty()) {
        continue;
      }
      if (found != null) {
        throw new PlanException(at + ": Invalid value: " + node + ": StringMatch match value must have exactly one "
            + "of the following: exact, regex, prefix");
      }
      try {
        found = StringMatch.of(kind, v);
      } catch (IllegalArgumentException e) {
        throw new PlanException(fieldAt + "." + kind.fieldName() + ": " + e.getMessage(), e);
      }
    }
    if (found == null) {
      throw new PlanException(at + ": Invalid value: " + node + ": StringMatch value missed, match value must have "
          + "one of the following: exact, regex, prefix");
    }
    return found;
  }

  /**
   * Argo's Rollout validation of route steps: they need {@code trafficRouting}, which needs {@code managedRoutes},
   * which must list the step's route name. The messages and field paths are Argo's.
   */
  private static void checkManagedRoute(CanaryStep s, String at, JsonNode trafficRouting) {
    String type;
    String name;
    if (s instanceof CanaryStep.SetHeaderRoute) {
      type = "setHeaderRoute";
      name = ((CanaryStep.SetHeaderRoute) s).name();
    } else if (s instanceof CanaryStep.SetMirrorRoute) {
      type = "setMirrorRoute";
      name = ((CanaryStep.SetMirrorRoute) s).name();
    } else {
      return;
    }
    if (trafficRouting.isMissingNode() || trafficRouting.isNull()) {
      String argoName = type.equals("setHeaderRoute") ? "SetHeaderRoute" : "SetMirrorRoute";
      throw new PlanException(at + "." + type + ": " + argoName + " requires TrafficRouting (spec.strategy.canary.trafficRouting with managedRoutes listing '" + name
          + "')");
    }
    JsonNode managed = trafficRouting.path("managedRoutes");
    if (managed.isMissingNode() || managed.isNull()) {
      throw new PlanException("spec.strategy.canary.trafficRouting.managedRoutes: Required value: Rollout has missing "
          + "field 'spec.strategy.canary.trafficRouting.managedRoutes'");
    }
    for (JsonNode r : managed) {
      if (name.equals(r.path("name").asText(null))) {
        return;
      }
    }
    throw new PlanException(at + "." + type + ": Invalid value: \"" + name + "\": Steps define a route that does not "
        + "exist in spec.strategy.canary.trafficRouting.managedRoutes");
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
