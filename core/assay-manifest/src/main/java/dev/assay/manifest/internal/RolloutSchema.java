/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.manifest.ManifestProblem;
import dev.assay.manifest.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of Argo's {@code Rollout} schema that a canary plan reads, checked as strictly as the analysis
 * resources: {@code spec.strategy.canary} and its {@code steps}, each step's {@code analysis}, {@code pause},
 * {@code setCanaryScale}, {@code setHeaderRoute} and {@code setMirrorRoute}, and {@code trafficRouting.managedRoutes}.
 * The rest of a Rollout (the pod template, the selector, the meshes' traffic routing settings, background
 * analysis, experiments, status) is left open: a plan does not read it and its schema is Kubernetes', not Argo
 * analysis's. Not API; see {@code docs/manifests.md}.
 */
public final class RolloutSchema {
  /** A node of the schema. */
  private interface Shape {}

  /** Anything. */
  private static final Shape OPEN = new Shape() {};
  private static final Shape STRING = new Shape() {};
  private static final Shape INTEGER = new Shape() {};
  private static final Shape BOOLEAN = new Shape() {};
  private static final Shape INT_OR_STRING = new Shape() {};
  /** An object whose values are strings (labels, annotations). */
  private static final Shape STRING_MAP = new Shape() {};
  /** Kubernetes metadata: known field names, open values. */
  private static final Shape METADATA = new Shape() {};

  /** An object with these fields. */
  private static final class Fields implements Shape {
    final Map<String, Shape> fields;

    Fields(Map<String, Shape> fields) {
      this.fields = fields;
    }
  }

  /** An object whose values all have one shape, keyed by any name (a mirror route's headers). */
  private static final class MapOf implements Shape {
    final Shape value;

    MapOf(Shape value) {
      this.value = value;
    }
  }

  /** A list of one shape. */
  private static final class ListOf implements Shape {
    final Shape item;

    ListOf(Shape item) {
      this.item = item;
    }
  }

  private static final Shape ANALYSIS = new Fields(Map.of(
      "templates", new ListOf(new Fields(Map.of("templateName", STRING, "clusterScope", BOOLEAN))),
      "args", new ListOf(new Fields(Map.of("name", STRING, "value", STRING, "valueFrom", new Fields(Map.of(
          "podTemplateHashValue", STRING, "fieldRef", new Fields(Map.of("fieldPath", STRING))))))),
      "dryRun", new ListOf(new Fields(Map.of("metricName", STRING))),
      "measurementRetention", new ListOf(new Fields(Map.of("metricName", STRING, "limit", INTEGER))),
      "analysisRunMetadata", new Fields(Map.of("labels", STRING_MAP, "annotations", STRING_MAP))));

  /** Argo's {@code StringMatch}: which one of the three is set is checked when the plan reads it. */
  private static final Shape STRING_MATCH = new Fields(Map.of("exact", STRING, "prefix", STRING, "regex", STRING));

  private static final Shape SET_HEADER_ROUTE = new Fields(Map.of(
      "name", STRING,
      "match", new ListOf(new Fields(Map.of("headerName", STRING, "headerValue", STRING_MATCH)))));

  private static final Shape SET_MIRROR_ROUTE = new Fields(Map.of(
      "name", STRING,
      "percentage", INTEGER,
      "match", new ListOf(new Fields(Map.of("method", STRING_MATCH, "path", STRING_MATCH,
          "headers", new MapOf(STRING_MATCH))))));

  /** {@code trafficRouting}: the meshes' own settings stay open; the managed routes are read by the plan. */
  private static final Shape TRAFFIC_ROUTING = new Fields(Map.ofEntries(
      Map.entry("istio", OPEN), Map.entry("nginx", OPEN), Map.entry("alb", OPEN), Map.entry("smi", OPEN),
      Map.entry("ambassador", OPEN), Map.entry("appMesh", OPEN), Map.entry("traefik", OPEN),
      Map.entry("apisix", OPEN), Map.entry("plugins", OPEN), Map.entry("maxTrafficWeight", INTEGER),
      Map.entry("managedRoutes", new ListOf(new Fields(Map.of("name", STRING))))));

  private static final Shape STEP = new Fields(Map.of(
      "setWeight", INTEGER,
      "pause", new Fields(Map.of("duration", INT_OR_STRING)),
      "analysis", ANALYSIS,
      "setCanaryScale", new Fields(Map.of("weight", INTEGER, "replicas", INTEGER, "matchTrafficWeight", BOOLEAN)),
      "setHeaderRoute", SET_HEADER_ROUTE,
      "setMirrorRoute", SET_MIRROR_ROUTE,
      "experiment", OPEN,
      "plugin", OPEN));

  private static final Shape CANARY = new Fields(Map.ofEntries(
      Map.entry("canaryService", STRING), Map.entry("stableService", STRING), Map.entry("steps", new ListOf(STEP)),
      Map.entry("trafficRouting", TRAFFIC_ROUTING), Map.entry("analysis", OPEN), Map.entry("maxSurge", INT_OR_STRING),
      Map.entry("maxUnavailable", INT_OR_STRING), Map.entry("antiAffinity", OPEN),
      Map.entry("canaryMetadata", OPEN), Map.entry("stableMetadata", OPEN),
      Map.entry("scaleDownDelaySeconds", INTEGER), Map.entry("scaleDownDelayRevisionLimit", INTEGER),
      Map.entry("abortScaleDownDelaySeconds", INTEGER), Map.entry("dynamicStableScale", BOOLEAN),
      Map.entry("pingPong", OPEN), Map.entry("minPodsPerReplicaSet", INTEGER),
      Map.entry("replicaProgressThreshold", OPEN)));

  private static final Shape SPEC = new Fields(Map.ofEntries(
      Map.entry("replicas", INTEGER), Map.entry("selector", OPEN), Map.entry("template", OPEN),
      Map.entry("workloadRef", OPEN), Map.entry("minReadySeconds", INTEGER),
      Map.entry("revisionHistoryLimit", INTEGER), Map.entry("paused", BOOLEAN),
      Map.entry("progressDeadlineSeconds", INTEGER), Map.entry("progressDeadlineAbort", BOOLEAN),
      Map.entry("restartAt", STRING), Map.entry("rollbackWindow", OPEN), Map.entry("analysis", OPEN),
      Map.entry("strategy", new Fields(Map.of("canary", CANARY, "blueGreen", OPEN)))));

  private static final Shape ROLLOUT = new Fields(Map.of(
      "apiVersion", STRING, "kind", STRING, "metadata", METADATA, "spec", SPEC, "status", OPEN));

  /**
   * What the check found.
   *
   * @param errors wrong types and problems of the text (duplicate keys, binary values)
   * @param unknown fields the schema does not define
   */
  public record Result(List<ManifestProblem> errors, List<ManifestProblem> unknown) {}

  private final Map<String, SourcePosition> positions;
  private final List<ManifestProblem> problems = new ArrayList<>();
  private final List<ManifestProblem> unknown = new ArrayList<>();

  private RolloutSchema(Map<String, SourcePosition> positions) {
    this.positions = positions;
  }

  /**
   * Checks a Rollout document.
   *
   * @param doc the document, from {@link SourceTrees}
   * @return the problems
   */
  public static Result check(SourceTrees.Document doc) {
    RolloutSchema checker = new RolloutSchema(doc.positions());
    checker.problems.addAll(doc.problems());
    checker.walk(doc.tree(), ROLLOUT, "");
    return new Result(checker.problems, checker.unknown);
  }

  private void walk(JsonNode node, Shape shape, String path) {
    if (node.isNull() || shape == OPEN) {
      return;
    }
    if (shape == STRING) {
      expect(node.isTextual(), node, path, "a string");
    } else if (shape == BOOLEAN) {
      expect(node.isBoolean(), node, path, "true or false");
    } else if (shape == INTEGER) {
      expect(node.isIntegralNumber() && node.canConvertToInt(), node, path, "a 32-bit integer");
    } else if (shape == INT_OR_STRING) {
      expect(node.isTextual() || node.isIntegralNumber() && node.canConvertToInt(), node, path,
          "an integer or a string");
    } else if (shape == STRING_MAP) {
      if (expect(node.isObject(), node, path, "an object")) {
        node.properties().forEach(e -> walk(e.getValue(), STRING, path + "." + e.getKey()));
      }
    } else if (shape == METADATA) {
      if (expect(node.isObject(), node, path, "an object")) {
        node.properties().forEach(e -> {
          String child = path + "." + e.getKey();
          if (!SchemaChecker.OBJECT_META_FIELDS.contains(e.getKey())) {
            unknown(child, e.getKey(), SchemaChecker.OBJECT_META_FIELDS);
          } else if (e.getKey().equals("labels") || e.getKey().equals("annotations")) {
            walk(e.getValue(), STRING_MAP, child);
          }
        });
      }
    } else if (shape instanceof MapOf) {
      if (expect(node.isObject(), node, path, "an object")) {
        node.properties().forEach(e -> walk(e.getValue(), ((MapOf) shape).value, path + "." + e.getKey()));
      }
    } else if (shape instanceof ListOf) {
      if (expect(node.isArray(), node, path, "a list")) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), ((ListOf) shape).item, path + "[" + i + "]");
        }
      }
    } else if (shape instanceof Fields && expect(node.isObject(), node, path, "an object")) {
      Map<String, Shape> fields = ((Fields) shape).fields;
      node.properties().forEach(e -> {
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        Shape inner = fields.get(e.getKey());
        if (inner == null) {
          unknown(child, e.getKey(), fields.keySet());
        } else {
          walk(e.getValue(), inner, child);
        }
      });
    }
  }

  private boolean expect(boolean ok, JsonNode node, String path, String expected) {
    if (!ok) {
      problems.add(SchemaChecker.typeProblem(path, SchemaChecker.at(positions, path), node, expected));
    }
    return ok;
  }

  private void unknown(String path, String name, Set<String> known) {
    unknown.add(SchemaChecker.unknownFieldProblem(path, SchemaChecker.at(positions, path), name, known));
  }
}
