/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.assay.manifest.ManifestProblem;
import dev.assay.manifest.SourcePosition;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.IntOrString;
import dev.assay.model.JobMetric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.ProviderSpec;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks a document's tree against the Argo CRD schema, which the model's types mirror field for field: every field
 * must be one the schema defines, and every value must have the schema's type (a string where it says string, an
 * integer in range where it says integer, and so on), as Kubernetes' strict field validation does. A provider key
 * Argo does not define is a custom provider's type unless it is a likely typo of an Argo key. The places the
 * schema leaves open are not looked into: untyped provider blocks ({@code datadog}, {@code plugin}, ...), the
 * labels and annotations maps, the other Kubernetes metadata fields' values, a job's {@code spec} and a web
 * metric's {@code jsonBody}. See {@code docs/manifests.md}. Thread-safe.
 */
final class SchemaChecker {
  private static final String MODEL_PACKAGE = "dev.assay.model";
  private static final Map<Class<?>, Map<String, JavaType>> SHAPES = new ConcurrentHashMap<>();

  /** The fields of Kubernetes' {@code ObjectMeta}. */
  static final Set<String> OBJECT_META_FIELDS = Set.of("name", "generateName", "namespace", "selfLink", "uid",
      "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
      "labels", "annotations", "ownerReferences", "finalizers", "managedFields");

  /** The provider keys of Argo's {@code MetricProvider}. */
  static final Set<String> ARGO_PROVIDERS = Set.of("prometheus", "kayenta", "web", "datadog", "wavefront",
      "newRelic", "job", "cloudWatch", "graphite", "influxdb", "skywalking", "plugin");

  private static final Set<String> JOB_FIELDS = Set.of("metadata", "spec");
  private static final Set<String> JOB_METADATA_FIELDS = Set.of("labels", "annotations");

  /**
   * What the check found.
   *
   * @param errors values of the wrong type and other hard errors
   * @param unknown fields the schema does not define, outside {@code status}
   * @param unknownInStatus fields the schema does not define inside {@code status}
   */
  record Result(List<ManifestProblem> errors, List<ManifestProblem> unknown, List<ManifestProblem> unknownInStatus) {}

  private final Map<String, SourcePosition> positions;
  private final List<ManifestProblem> errors = new ArrayList<>();
  private final List<ManifestProblem> unknown = new ArrayList<>();
  private final List<ManifestProblem> unknownInStatus = new ArrayList<>();

  private SchemaChecker(Map<String, SourcePosition> positions) {
    this.positions = positions;
  }

  /**
   * Checks a document.
   *
   * @param tree the document
   * @param type the resource type its kind maps to
   * @param positions path to position, from {@link SourceTrees}
   * @return the problems, in document order
   */
  static Result check(JsonNode tree, Class<?> type, Map<String, SourcePosition> positions) {
    SchemaChecker checker = new SchemaChecker(positions);
    checker.walk(tree, ModelMappers.JSON.constructType(type), "");
    return new Result(checker.errors, checker.unknown, checker.unknownInStatus);
  }

  private void walk(JsonNode node, JavaType type, String path) {
    if (node.isNull()) {
      return; // an explicit null is the same as an absent field, as in Kubernetes
    }
    Class<?> raw = type.getRawClass();
    if (type.isCollectionLikeType() || type.isArrayType()) {
      if (!node.isArray()) {
        mismatch(node, path, "a list");
        return;
      }
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), type.getContentType(), path + "[" + i + "]");
      }
    } else if (type.isMapLikeType()) {
      if (!node.isObject()) {
        mismatch(node, path, "an object");
      } else if (type.getContentType().getRawClass() == String.class) {
        node.properties().forEach(e -> walk(e.getValue(), type.getContentType(), child(path, e.getKey())));
      }
    } else if (raw == String.class) {
      if (!node.isTextual()) {
        mismatch(node, path, "a string");
      }
    } else if (raw == Instant.class) {
      if (!node.isTextual()) {
        mismatch(node, path, "an RFC 3339 timestamp string");
      }
    } else if (raw == boolean.class || raw == Boolean.class) {
      if (!node.isBoolean()) {
        mismatch(node, path, "true or false");
      }
    } else if (raw == int.class || raw == Integer.class) {
      integer(node, path, "an integer", 31, false);
    } else if (raw == long.class || raw == Long.class) {
      integer(node, path, "an integer", 63, false);
    } else if (raw == IntOrString.class) {
      integer(node, path, "an integer or a string", 31, true);
    } else if (raw == AnalysisPhase.class) {
      phase(node, path);
    } else if (raw.getPackageName().equals(MODEL_PACKAGE) && raw.isRecord()) {
      object(node, raw, path);
    }
  }

  private void object(JsonNode node, Class<?> raw, String path) {
    if (!node.isObject()) {
      mismatch(node, path, "an object");
      return;
    }
    if (raw == JobMetric.class) {
      job(node, path);
      return;
    }
    Map<String, JavaType> shape = SHAPES.computeIfAbsent(raw, SchemaChecker::shapeOf);
    Set<String> open = raw == ObjectMeta.class ? OBJECT_META_FIELDS : raw == ProviderSpec.class ? ARGO_PROVIDERS
        : Set.of();
    node.properties().forEach(field -> {
      String name = field.getKey();
      String child = child(path, name);
      JavaType propertyType = shape.get(name);
      if (propertyType != null) {
        walk(field.getValue(), propertyType, child);
      } else if (open.contains(name) || raw == ProviderSpec.class && isCustomProvider(name)) {
        if (raw == ProviderSpec.class && !field.getValue().isObject() && !field.getValue().isNull()) {
          mismatch(field.getValue(), child, "an object");
        }
      } else {
        unknownField(child, name, union(shape.keySet(), open));
      }
    });
  }

  /** A job block: {@code metadata} with labels and annotations, and a {@code spec} that is a Job spec (open). */
  private void job(JsonNode node, String path) {
    node.properties().forEach(field -> {
      String child = child(path, field.getKey());
      JsonNode value = field.getValue();
      if (!JOB_FIELDS.contains(field.getKey())) {
        unknownField(child, field.getKey(), JOB_FIELDS);
      } else if (!value.isObject() && !value.isNull()) {
        mismatch(value, child, "an object");
      } else if (field.getKey().equals("metadata")) {
        value.properties().forEach(meta -> {
          String metaPath = child(child, meta.getKey());
          if (!JOB_METADATA_FIELDS.contains(meta.getKey())) {
            unknownField(metaPath, meta.getKey(), JOB_METADATA_FIELDS);
          } else {
            walk(meta.getValue(), ModelMappers.JSON.getTypeFactory().constructMapType(Map.class, String.class,
                String.class), metaPath);
          }
        });
      }
    });
  }

  /**
   * Whether a provider key Argo does not define is taken as the type of a custom provider registered with the
   * engine (which fails the measurement when there is none): any key that is not within typo distance of an Argo
   * provider key ({@code prometeus} is a typo of {@code prometheus}, {@code queue-depth} is a custom type).
   */
  private static boolean isCustomProvider(String key) {
    return NearestName.of(key, ARGO_PROVIDERS).isEmpty();
  }

  private void integer(JsonNode node, String path, String expected, int bits, boolean orString) {
    if (orString && node.isTextual()) {
      return;
    }
    if (node.isFloatingPointNumber() || node.isBigDecimal()) {
      problem(path, "expected " + expected + ", but was the fraction " + node.asText(),
          "write a whole number");
    } else if (!node.isIntegralNumber()) {
      mismatch(node, path, expected);
    } else if (node.bigIntegerValue().bitLength() > bits) {
      String digits = node.asText();
      String shown = digits.length() > 24 ? digits.substring(0, 20) + "... (" + digits.length() + " digits)" : digits;
      problem(path, "expected " + expected + ", but the integer " + shown + " is out of range", "at most "
          + BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) + " (" + (bits + 1) + "-bit)");
    }
  }

  private void phase(JsonNode node, String path) {
    List<String> known = Arrays.stream(AnalysisPhase.values()).map(AnalysisPhase::wireName)
        .filter(n -> !n.isEmpty()).collect(Collectors.toList());
    if (!node.isTextual()) {
      mismatch(node, path, "a phase string");
    } else if (!node.asText().isEmpty() && !known.contains(node.asText())) {
      String hint = NearestName.of(node.asText(), known).map(n -> "did you mean '" + n + "'? ").orElse("");
      problem(path, "unknown phase \"" + node.asText() + "\"", hint + "known phases: " + String.join(", ", known));
    }
  }

  private void mismatch(JsonNode node, String path, String expected) {
    errors.add(typeProblem(path, at(path), node, expected));
  }

  /** A value of the wrong type; a scalar where a string belongs gets the hint to quote it. */
  static ManifestProblem typeProblem(String path, SourcePosition at, JsonNode node, String expected) {
    String hint = expected.equals("a string") && node.isValueNode() ? "quote it: \"" + node.asText() + "\"" : "";
    return new ManifestProblem(path, at, "expected " + expected + ", but was " + describe(node), hint);
  }

  /** A field the schema does not define, with the nearest known field or else the known fields as hint. */
  static ManifestProblem unknownFieldProblem(String path, SourcePosition at, String name, Collection<String> known) {
    String hint = NearestName.of(name, known).map(n -> "did you mean '" + n + "'?")
        .orElse(known.isEmpty() ? "" : "known fields: " + String.join(", ", new java.util.TreeSet<>(known)));
    return new ManifestProblem(path, at, "unknown field '" + name + "'", hint);
  }

  private void unknownField(String path, String name, Collection<String> known) {
    ManifestProblem p = unknownFieldProblem(path, at(path), name, known);
    if (path.equals("status") || path.startsWith("status.") || path.startsWith("status[")) {
      unknownInStatus.add(p);
    } else {
      unknown.add(p);
    }
  }

  private void problem(String path, String message, String hint) {
    errors.add(new ManifestProblem(path, at(path), message, hint));
  }

  private SourcePosition at(String path) {
    return at(positions, path);
  }

  /** The position of a path, or of its nearest enclosing field; {@link SourcePosition#UNKNOWN} when none. */
  static SourcePosition at(Map<String, SourcePosition> positions, String path) {
    SourcePosition p = ModelReader.nearest(positions, path);
    return p == null ? SourcePosition.UNKNOWN : p;
  }

  static String describe(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
    if (node.isNumber()) {
      String text = node.asText();
      return "the number " + (text.length() > 24 ? text.substring(0, 20) + "... (" + text.length() + " digits)"
          : text);
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    return node.isArray() ? "a list" : node.isObject() ? "an object" : node.getNodeType().toString().toLowerCase();
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Set<String> union(Collection<String> a, Collection<String> b) {
    if (b.isEmpty()) {
      return Set.copyOf(a);
    }
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static Map<String, JavaType> shapeOf(Class<?> raw) {
    DeserializationConfig config = ModelMappers.JSON.getDeserializationConfig();
    BeanDescription description = config.introspect(ModelMappers.JSON.constructType(raw));
    Map<String, JavaType> properties = new TreeMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      // The any-setter component ("other") holds the open fields; it is not a field of its own.
      if (property.couldDeserialize() && !property.getName().isEmpty() && !property.getName().equals("other")) {
        properties.put(property.getName(), property.getPrimaryType());
      }
    }
    return Map.copyOf(properties);
  }
}
