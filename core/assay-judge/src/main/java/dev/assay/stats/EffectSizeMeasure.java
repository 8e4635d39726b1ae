/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** Kayenta's effect-size measures ({@code effectSize.measure}). */
public enum EffectSizeMeasure {
  /** {@code mean(canary) / mean(baseline)}; NaN when either mean is 0. Neutral value 1.0. */
  MEAN_RATIO("meanRatio", 1.0),
  /**
   * Common-language effect size (Vargha-Delaney A): {@code P(canary > baseline) + P(tie) / 2}, i.e.
   * {@code U / (nCanary * nBaseline)}. Neutral value 0.5.
   */
  CLES("cles", 0.5);

  private final String configName;
  private final double neutral;

  EffectSizeMeasure(String configName, double neutral) {
    this.configName = configName;
    this.neutral = neutral;
  }

  /**
   * Kayenta's name in canary configs.
   *
   * @return {@code "meanRatio"} or {@code "cles"}
   */
  public String configName() {
    return configName;
  }

  /**
   * The value meaning "no effect", which is also Kayenta's default for all four limits.
   *
   * @return 1.0 for the mean ratio, 0.5 for CLES
   */
  public double neutral() {
    return neutral;
  }

  /**
   * Parses Kayenta's config name, ignoring case.
   *
   * @param name {@code "meanRatio"} or {@code "cles"}
   * @return the constant
   * @throws IllegalArgumentException for any other name
   */
  public static EffectSizeMeasure fromConfigName(String name) {
    for (EffectSizeMeasure v : values()) {
      if (v.configName.equalsIgnoreCase(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "effectSizeMeasure must be one of meanRatio or cles, but was '" + name + "'");
  }
}
