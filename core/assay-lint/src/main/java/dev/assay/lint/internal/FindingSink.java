/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import dev.assay.lint.Finding;
import dev.assay.lint.Severity;
import dev.assay.manifest.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Collects the findings of one document, placing each at its field's line:column (or the nearest enclosing field
 * that is in the source). Not thread-safe: one per document and linting pass.
 */
public final class FindingSink {
  private final String source;
  private final Function<String, Optional<SourcePosition>> positions;
  private final List<Finding> out;

  /**
   * Creates the sink.
   *
   * @param source the source name findings carry
   * @param positions field path to position, from the source text
   * @param out where findings go
   */
  public FindingSink(String source, Map<String, SourcePosition> positions, List<Finding> out) {
    this(source, path -> Optional.ofNullable(positions.get(path)), out);
  }

  /**
   * Creates the sink with a position lookup.
   *
   * @param source the source name findings carry
   * @param positions the position of a field path, if it is in the source
   * @param out where findings go
   */
  public FindingSink(String source, Function<String, Optional<SourcePosition>> positions, List<Finding> out) {
    this.source = source;
    this.positions = positions;
    this.out = out;
  }

  /**
   * Adds a finding at a field.
   *
   * @param rule the rule id
   * @param severity the severity
   * @param path the field path, such as {@code spec.metrics[0].count}
   * @param message what is wrong
   * @param hint how to fix it, or empty
   */
  public void add(String rule, Severity severity, String path, String message, String hint) {
    SourcePosition p = positionOf(path);
    out.add(new Finding(rule, severity, source, path, p == null ? 0 : p.line(), p == null ? 0 : p.column(), message,
        hint));
  }

  /**
   * Adds a finding at a known position.
   *
   * @param rule the rule id
   * @param severity the severity
   * @param path the field path
   * @param position where, or null when unknown
   * @param message what is wrong
   * @param hint how to fix it, or empty
   */
  public void addAt(String rule, Severity severity, String path, @Nullable SourcePosition position, String message,
      String hint) {
    out.add(new Finding(rule, severity, source, path, position == null ? 0 : position.line(),
        position == null ? 0 : position.column(), message, hint));
  }

  /** The position of a field or of the nearest enclosing field in the source; null when there is none. */
  private @Nullable SourcePosition positionOf(String path) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Optional<SourcePosition> found = positions.apply(p);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
