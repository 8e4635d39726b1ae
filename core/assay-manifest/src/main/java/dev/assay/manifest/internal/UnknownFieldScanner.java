/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.assay.manifest.SourcePosition;
import dev.assay.manifest.UnknownField;
import dev.assay.model.IntOrString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the fields of a document that the model does not map, by walking the document's tree along the model's
 * types. Fields of types with an any-setter ({@code ObjectMeta}, {@code ProviderSpec}) and of plain maps are kept by
 * the model, so they are not reported. Thread-safe.
 */
final class UnknownFieldScanner {
  private static final String MODEL_PACKAGE = "dev.assay.model";
  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  /** The JSON properties of one model type. */
  private static final class Shape {
    final Map<String, JavaType> properties;
    final boolean keepsOthers;

    Shape(Map<String, JavaType> properties, boolean keepsOthers) {
      this.properties = properties;
      this.keepsOthers = keepsOthers;
    }
  }

  private UnknownFieldScanner() {}

  static void scan(JsonNode node, Class<?> type, Map<String, SourcePosition> positions, List<UnknownField> out) {
    walk(node, ModelMappers.JSON.constructType(type), "", positions, out);
  }

  private static void walk(JsonNode node, JavaType type, String path, Map<String, SourcePosition> positions,
      List<UnknownField> out) {
    if (type.isCollectionLikeType() || type.isArrayType()) {
      for (int i = 0; i < node.size() && node.isArray(); i++) {
        walk(node.get(i), type.getContentType(), path + "[" + i + "]", positions, out);
      }
      return;
    }
    Class<?> raw = type.getRawClass();
    if (!node.isObject() || raw.isEnum() || raw == IntOrString.class || !raw.getPackageName().equals(MODEL_PACKAGE)) {
      return;
    }
    Shape shape = SHAPES.computeIfAbsent(raw, UnknownFieldScanner::shapeOf);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JavaType propertyType = shape.properties.get(field.getKey());
      if (propertyType != null) {
        walk(field.getValue(), propertyType, child, positions, out);
      } else if (!shape.keepsOthers) {
        SourcePosition position = positions.getOrDefault(child, new SourcePosition(1, 1));
        out.add(new UnknownField(child, position));
      }
    }
  }

  private static Shape shapeOf(Class<?> raw) {
    DeserializationConfig config = ModelMappers.JSON.getDeserializationConfig();
    BeanDescription description = config.introspect(ModelMappers.JSON.constructType(raw));
    Map<String, JavaType> properties = new HashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      if (property.couldDeserialize()) {
        properties.put(property.getName(), property.getPrimaryType());
      }
    }
    return new Shape(properties, description.findAnySetterAccessor() != null);
  }
}
