/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves an argument's {@code valueFrom.fieldRef} against a Rollout, as the Rollout controller does when it builds a
 * run (docs/argo-semantics.md §2.13). The Rollout is given as plain values (the result of reading its JSON or YAML: maps, lists,
 * strings, numbers, booleans). Stateless and thread-safe.
 */
public final class RolloutFieldRefs {
  private static final Pattern SEPARATORS = Pattern.compile("[.\\[\\]]+");
  private static final Pattern SUBSCRIPT = Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]");

  private RolloutFieldRefs() {}

  /**
   * The value at a field path: paths starting with {@code metadata} use Kubernetes field-path syntax
   * ({@code metadata.name}, {@code metadata.namespace}, {@code metadata.uid}, {@code metadata.labels['k']},
   * {@code metadata.annotations['k']}; a missing key gives an empty value), any other path uses
   * {@link #walk(Map, String)}.
   *
   * @param rollout the Rollout as plain values
   * @param fieldPath the path
   * @return the value as text
   * @throws ArgumentResolutionException with Argo's or Kubernetes' message when the path does not lead to a value
   */
  public static String resolve(Map<String, ?> rollout, String fieldPath) {
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(fieldPath, "fieldPath");
    if (!fieldPath.startsWith("metadata")) {
      return walk(rollout, fieldPath);
    }
    Object metadata = rollout.get("metadata");
    Map<?, ?> meta = metadata instanceof Map ? (Map<?, ?>) metadata : Map.of();
    Matcher m = SUBSCRIPT.matcher(fieldPath);
    if (m.matches()) {
      Object group = meta.get(m.group(1));
      Object value = group instanceof Map ? ((Map<?, ?>) group).get(m.group(2)) : null;
      return value == null ? "" : String.valueOf(value);
    }
    switch (fieldPath) {
      case "metadata.name":
      case "metadata.namespace":
      case "metadata.uid":
        Object value = meta.get(fieldPath.substring("metadata.".length()));
        return value == null ? "" : String.valueOf(value);
      default:
        throw new ArgumentResolutionException("unsupported fieldPath: " + fieldPath, "");
    }
  }

  /**
   * Argo's generic path walker: splits the path on {@code .}, {@code [} and {@code ]} and follows map keys and list
   * indexes. Errors: {@code invalid path <p> in rollout}, {@code invalid index '<i>'}, {@code index <n> out of range},
   * {@code path <p> in rollout must terminate in a primitive value}. Numbers are formatted as Go formats a JSON
   * number ({@code 3}, {@code 1.5}, {@code 1e+06}).
   *
   * @param rollout the Rollout as plain values
   * @param fieldPath the path, for example {@code spec.template.metadata.labels.version}
   * @return the value as text
   * @throws ArgumentResolutionException with Argo's message
   */
  public static String walk(Map<String, ?> rollout, String fieldPath) {
    Object current = rollout;
    for (String section : SEPARATORS.split(fieldPath, -1)) {
      if (section.isEmpty()) {
        continue;
      }
      if (current instanceof List) {
        List<?> list = (List<?>) current;
        int index;
        try {
          index = Integer.parseInt(section);
        } catch (NumberFormatException e) {
          throw new ArgumentResolutionException("invalid index '" + section + "'", "");
        }
        if (index >= list.size() || index < 0) {
          throw new ArgumentResolutionException("index " + index + " out of range", "");
        }
        current = list.get(index);
      } else if (current instanceof Map) {
        current = ((Map<?, ?>) current).get(section);
      } else {
        throw new ArgumentResolutionException("invalid path " + fieldPath + " in rollout", "");
      }
    }
    if (current == null) {
      throw new ArgumentResolutionException("invalid path " + fieldPath + " in rollout", "");
    }
    if (current instanceof List || current instanceof Map) {
      throw new ArgumentResolutionException(
          "path " + fieldPath + " in rollout must terminate in a primitive value", "");
    }
    if (current instanceof Number) {
      return goFloat(((Number) current).doubleValue());
    }
    return String.valueOf(current);
  }

  /** Go's {@code %v} of a float64: the shortest digits, in exponent form when the exponent is below -4 or above 5. */
  static String goFloat(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exponent = digits.length() - d.scale() - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return sign + d.toPlainString();
  }
}
