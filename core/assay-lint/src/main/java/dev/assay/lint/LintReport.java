/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the linter found, in source order (by source, then line and column). Immutable and thread-safe.
 *
 * <p>The JSON form ({@link #toJson()}) is stable, for tools:
 * <pre>{@code
 * {"findings":[{"rule":"condition-type","severity":"error","source":"t.yaml","path":"spec.metrics[0].successCondition",
 *   "line":12,"column":5,"message":"...","hint":"..."}],"errors":1,"warnings":0}
 * }</pre>
 * Fields are always present and in this order; {@code severity} is {@code error}, {@code warning} or {@code info};
 * {@code line} and {@code column} are 0 when unknown. New fields may be added at the end of an object.
 *
 * @param findings the findings
 */
public record LintReport(List<Finding> findings) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Copies the findings.
   *
   * @param findings the findings
   */
  public LintReport {
    findings = List.copyOf(findings);
  }

  /**
   * Whether any finding is an error.
   *
   * @return true when at least one finding has {@link Severity#ERROR}
   */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /**
   * Whether any finding is a warning.
   *
   * @return true when at least one finding has {@link Severity#WARNING}
   */
  public boolean hasWarnings() {
    return count(Severity.WARNING) > 0;
  }

  /**
   * How many findings have a severity.
   *
   * @param severity the severity
   * @return the number
   */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /**
   * The stable JSON form described on this class, on one line.
   *
   * @return the JSON object
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("findings");
    for (Finding f : findings) {
      list.addObject().put("rule", f.ruleId()).put("severity", f.severity().label()).put("source", f.source())
          .put("path", f.path()).put("line", f.line()).put("column", f.column()).put("message", f.message())
          .put("hint", f.hint());
    }
    root.put("errors", count(Severity.ERROR));
    root.put("warnings", count(Severity.WARNING));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /**
   * One line per finding, {@code source:line:col: severity rule: message (hint)}, each ending with a newline; empty
   * when there are no findings.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      out.append(f.toText()).append('\n');
    }
    return out.toString();
  }
}
