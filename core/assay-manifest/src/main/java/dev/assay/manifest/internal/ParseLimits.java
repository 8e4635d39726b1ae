/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The size limits a manifest is read under, enforced while the parser reads (so that a huge scalar or key fails
 * before it is built into a tree), and the parser factories configured with them. Immutable and thread-safe. Not
 * API; the defaults are documented in {@code docs/manifests.md}.
 *
 * @param maxDocumentChars characters per document (YAML) or per input (JSON)
 * @param maxStringChars characters per string value
 * @param maxNameChars characters per field name
 * @param maxDepth nesting depth of objects and lists
 * @param maxAliasExpansion values that YAML aliases may expand to, per document
 */
public record ParseLimits(int maxDocumentChars, int maxStringChars, int maxNameChars, int maxDepth,
    int maxAliasExpansion) {
  /** Digits of a number literal; fixed (a longer number cannot fit any field of the schema anyway). */
  static final int MAX_NUMBER_DIGITS = 1000;

  /** The defaults. */
  public static final ParseLimits DEFAULT = new ParseLimits(8 * 1024 * 1024, 1024 * 1024, 1024, 100, 100_000);

  /** Validates the components. */
  public ParseLimits {
    positive(maxDocumentChars, "maxDocumentChars");
    positive(maxStringChars, "maxStringChars");
    positive(maxNameChars, "maxNameChars");
    positive(maxDepth, "maxDepth");
    positive(maxAliasExpansion, "maxAliasExpansion");
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, but was " + value);
    }
  }

  private StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxDocumentLength(maxDocumentChars)
        .maxStringLength(maxStringChars)
        .maxNameLength(maxNameChars)
        // One deeper than ours, so that our check (which names the path) fires first.
        .maxNestingDepth(maxDepth + 1)
        .maxNumberLength(MAX_NUMBER_DIGITS)
        .build();
  }

  /**
   * A JSON factory that enforces these limits.
   *
   * @return the factory
   */
  JsonFactory jsonFactory() {
    return JsonFactory.builder().streamReadConstraints(constraints()).build();
  }

  /**
   * A YAML factory that enforces these limits: SnakeYAML counts the code points of each document as it reads.
   *
   * @return the factory
   */
  YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(maxDocumentChars);
    options.setNestingDepthLimit(maxDepth + 1);
    options.setMaxAliasesForCollections(Integer.MAX_VALUE); // expansion is bounded by maxAliasExpansion instead
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
  }
}
