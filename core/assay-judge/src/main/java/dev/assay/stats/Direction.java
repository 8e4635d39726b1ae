/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** Which change of the canary against the baseline is bad (Kayenta's {@code direction}). */
public enum Direction {
  /** Higher is worse: latency, error rate, CPU (Kayenta {@code increase}). */
  INCREASE("increase"),
  /** Lower is worse: throughput, success rate (Kayenta {@code decrease}). */
  DECREASE("decrease"),
  /** Any change is bad (Kayenta {@code either}). */
  EITHER("either");

  private final String configName;

  Direction(String configName) {
    this.configName = configName;
  }

  /**
   * Kayenta's name in canary configs.
   *
   * @return {@code "increase"}, {@code "decrease"} or {@code "either"}
   */
  public String configName() {
    return configName;
  }

  /**
   * Parses Kayenta's config name, ignoring case.
   *
   * @param name {@code "increase"}, {@code "decrease"} or {@code "either"}
   * @return the constant
   * @throws IllegalArgumentException for any other name
   */
  public static Direction fromConfigName(String name) {
    for (Direction v : values()) {
      if (v.configName.equalsIgnoreCase(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "direction must be one of increase, decrease or either, but was '" + name + "'");
  }
}
