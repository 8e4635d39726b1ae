/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

/** How bad a lint finding is. */
public enum Severity {
  /** The template is wrong: Argo would reject it, or a run would fail or pass for the wrong reason. */
  ERROR,
  /** Probably a mistake: the template runs, but a common situation (no data, no traffic) gives a surprising verdict. */
  WARNING,
  /** Worth knowing, often deliberate: for example a gap between the conditions that gives Inconclusive. */
  INFO;

  /**
   * The lower-case name used in the JSON and text forms: {@code error}, {@code warning}, {@code info}.
   *
   * @return the name
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
