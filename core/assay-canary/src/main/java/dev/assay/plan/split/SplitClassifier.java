/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split;

import dev.assay.plan.split.internal.JsonPath;
import java.util.Objects;

/**
 * Tells a canary response from a stable one: by a value in the JSON body ({@code .version}) or by a response header
 * ({@code x-served-by}). A response whose value equals {@code canaryValue} (exactly, after trimming spaces) is the
 * canary's, any other value is stable's, and a response without the value (no such field or header, a body that is
 * not JSON) cannot be classified and counts as failed. Immutable and thread-safe.
 *
 * @param kind where the value is read
 * @param name the JSON path ({@code .version}, {@code .build.version}, {@code .items[0].v}) or the header name
 * @param canaryValue the value the canary answers with, such as {@code v2}
 */
public record SplitClassifier(Kind kind, String name, String canaryValue) {
  /** Where a classifier reads its value. */
  public enum Kind {
    /** A value in the JSON body, by path. */
    JSON_PATH,
    /** A response header (the first value when repeated). */
    HEADER
  }

  /**
   * Validates the components.
   *
   * @param kind where the value is read
   * @param name the JSON path or the header name
   * @param canaryValue the value the canary answers with, not blank
   * @throws IllegalArgumentException when the path does not parse, or the name or value is blank
   */
  public SplitClassifier {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(canaryValue, "canaryValue");
    canaryValue = canaryValue.strip();
    if (canaryValue.isEmpty()) {
      throw new IllegalArgumentException("the canary value is empty; give the value the canary answers with, "
          + "such as v2");
    }
    if (kind == Kind.JSON_PATH) {
      JsonPath.parse(name);
      name = name.strip();
    } else {
      name = name.strip();
      if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP header name");
      }
    }
  }

  /**
   * Classifies by a value in the JSON body.
   *
   * @param path the path, such as {@code .version}
   * @param canaryValue the canary's value, such as {@code v2}
   * @return the classifier
   * @throws IllegalArgumentException when the path does not parse
   */
  public static SplitClassifier jsonPath(String path, String canaryValue) {
    return new SplitClassifier(Kind.JSON_PATH, path, canaryValue);
  }

  /**
   * Classifies by a response header.
   *
   * @param name the header, such as {@code x-served-by}
   * @param canaryValue the canary's value, such as {@code v2}
   * @return the classifier
   */
  public static SplitClassifier header(String name, String canaryValue) {
    return new SplitClassifier(Kind.HEADER, name, canaryValue);
  }

  /**
   * Says what is read, for messages: {@code .version} or {@code header x-served-by}.
   *
   * @return the description
   */
  public String describe() {
    return kind == Kind.JSON_PATH ? name : "header " + name;
  }
}
