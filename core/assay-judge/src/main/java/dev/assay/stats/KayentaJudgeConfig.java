/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.util.Objects;

/**
 * Settings of a {@link KayentaJudge}, named after Kayenta's canary-config fields so configs can be ported. Build
 * with {@link #builder()}; defaults are Kayenta's.
 *
 * @param direction which change is bad; default {@link Direction#EITHER}
 * @param confidence two-sided confidence of the shift interval; default 0.98 (Kayenta's NetflixACAJudge)
 * @param tolerance the interval must clear {@code +-tolerance x |shift estimate|}; default 0.25
 * @param effectSizeMeasure default {@link EffectSizeMeasure#MEAN_RATIO}
 * @param allowedIncrease a {@code High} needs an effect size {@code >=} this; default the measure's neutral value
 *     (1.0 or 0.5), which leaves the gate open
 * @param criticalIncrease a critical metric's {@code High} is a critical failure when the effect size is
 *     {@code >=} this; default the neutral value
 * @param allowedDecrease a {@code Low} needs an effect size {@code <=} this; default the neutral value
 * @param criticalDecrease a critical metric's {@code Low} is a critical failure when the effect size is
 *     {@code <=} this; default the neutral value
 * @param nanStrategy default {@link NanStrategy#REMOVE}
 * @param removeOutliers whether to drop IQR outliers from each sample first; default false (Kayenta {@code keep})
 * @param outlierFactor the IQR multiple for outlier fences; default 3.0
 * @param critical whether the metric is critical (its failures and missing data are critical); default false
 * @param mustHaveData whether missing data fails the metric ({@code NodataFailMetric}); default false
 */
public record KayentaJudgeConfig(
    Direction direction,
    double confidence,
    double tolerance,
    EffectSizeMeasure effectSizeMeasure,
    double allowedIncrease,
    double criticalIncrease,
    double allowedDecrease,
    double criticalDecrease,
    NanStrategy nanStrategy,
    boolean removeOutliers,
    double outlierFactor,
    boolean critical,
    boolean mustHaveData) {

  /**
   * Validates every field; messages name the field and the value.
   *
   * @param direction which change is bad; default {@link Direction#EITHER}
   * @param confidence two-sided confidence of the shift interval; default 0.98 (Kayenta's NetflixACAJudge)
   * @param tolerance the interval must clear {@code +-tolerance x |shift estimate|}; default 0.25
   * @param effectSizeMeasure default {@link EffectSizeMeasure#MEAN_RATIO}
   * @param allowedIncrease a {@code High} needs an effect size {@code >=} this; default the measure's neutral value (1.0 or 0.5), which leaves the gate open
   * @param criticalIncrease a critical metric's {@code High} is a critical failure when the effect size is {@code >=} this; default the neutral value
   * @param allowedDecrease a {@code Low} needs an effect size {@code <=} this; default the neutral value
   * @param criticalDecrease a critical metric's {@code Low} is a critical failure when the effect size is {@code <=} this; default the neutral value
   * @param nanStrategy default {@link NanStrategy#REMOVE}
   * @param removeOutliers whether to drop IQR outliers from each sample first; default false (Kayenta {@code keep})
   * @param outlierFactor the IQR multiple for outlier fences; default 3.0
   * @param critical whether the metric is critical (its failures and missing data are critical); default false
   * @param mustHaveData whether missing data fails the metric ({@code NodataFailMetric}); default false
   */
  public KayentaJudgeConfig {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(effectSizeMeasure, "effectSizeMeasure");
    Objects.requireNonNull(nanStrategy, "nanStrategy");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    requireNonNegative("tolerance", tolerance);
    requireNonNegative("allowedIncrease", allowedIncrease);
    requireNonNegative("criticalIncrease", criticalIncrease);
    requireNonNegative("allowedDecrease", allowedDecrease);
    requireNonNegative("criticalDecrease", criticalDecrease);
    requireNonNegative("outlierFactor", outlierFactor);
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, but was " + v);
    }
  }

  /**
   * A builder with Kayenta's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this config's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder().direction(direction).confidence(confidence).tolerance(tolerance)
        .effectSizeMeasure(effectSizeMeasure).allowedIncrease(allowedIncrease).criticalIncrease(criticalIncrease)
        .allowedDecrease(allowedDecrease).criticalDecrease(criticalDecrease).nanStrategy(nanStrategy)
        .removeOutliers(removeOutliers).outlierFactor(outlierFactor).critical(critical)
        .mustHaveData(mustHaveData);
  }

  /** Mutable builder; not thread-safe. Limits left unset take the effect-size measure's neutral value. */
  public static final class Builder {
    private Direction direction = Direction.EITHER;
    private double confidence = 0.98;
    private double tolerance = 0.25;
    private EffectSizeMeasure effectSizeMeasure = EffectSizeMeasure.MEAN_RATIO;
    private double allowedIncrease = Double.NaN;
    private double criticalIncrease = Double.NaN;
    private double allowedDecrease = Double.NaN;
    private double criticalDecrease = Double.NaN;
    private NanStrategy nanStrategy = NanStrategy.REMOVE;
    private boolean removeOutliers;
    private double outlierFactor = 3.0;
    private boolean critical;
    private boolean mustHaveData;

    private Builder() {}

    /**
     * Sets {@link KayentaJudgeConfig#direction()}.
     *
     * @param value the direction
     * @return this builder
     */
    public Builder direction(Direction value) {
      direction = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#confidence()}.
     *
     * @param value the confidence level
     * @return this builder
     */
    public Builder confidence(double value) {
      confidence = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#tolerance()}.
     *
     * @param value the tolerance
     * @return this builder
     */
    public Builder tolerance(double value) {
      tolerance = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#effectSizeMeasure()}.
     *
     * @param value the measure
     * @return this builder
     */
    public Builder effectSizeMeasure(EffectSizeMeasure value) {
      effectSizeMeasure = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#allowedIncrease()}.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder allowedIncrease(double value) {
      allowedIncrease = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#criticalIncrease()}.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder criticalIncrease(double value) {
      criticalIncrease = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#allowedDecrease()}.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder allowedDecrease(double value) {
      allowedDecrease = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#criticalDecrease()}.
     *
     * @param value the limit
     * @return this builder
     */
    public Builder criticalDecrease(double value) {
      criticalDecrease = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#nanStrategy()}.
     *
     * @param value the strategy
     * @return this builder
     */
    public Builder nanStrategy(NanStrategy value) {
      nanStrategy = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#removeOutliers()}.
     *
     * @param value true to remove IQR outliers
     * @return this builder
     */
    public Builder removeOutliers(boolean value) {
      removeOutliers = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#outlierFactor()}.
     *
     * @param value the IQR multiple
     * @return this builder
     */
    public Builder outlierFactor(double value) {
      outlierFactor = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#critical()}.
     *
     * @param value true for a critical metric
     * @return this builder
     */
    public Builder critical(boolean value) {
      critical = value;
      return this;
    }

    /**
     * Sets {@link KayentaJudgeConfig#mustHaveData()}.
     *
     * @param value true to fail on missing data
     * @return this builder
     */
    public Builder mustHaveData(boolean value) {
      mustHaveData = value;
      return this;
    }

    /**
     * Builds the config.
     *
     * @return the validated config
     * @throws IllegalArgumentException naming the first invalid field
     */
    public KayentaJudgeConfig build() {
      double neutral = Objects.requireNonNull(effectSizeMeasure, "effectSizeMeasure").neutral();
      return new KayentaJudgeConfig(direction, confidence, tolerance, effectSizeMeasure,
          Double.isNaN(allowedIncrease) ? neutral : allowedIncrease,
          Double.isNaN(criticalIncrease) ? neutral : criticalIncrease,
          Double.isNaN(allowedDecrease) ? neutral : allowedDecrease,
          Double.isNaN(criticalDecrease) ? neutral : criticalDecrease,
          nanStrategy, removeOutliers, outlierFactor, critical, mustHaveData);
    }
  }
}
