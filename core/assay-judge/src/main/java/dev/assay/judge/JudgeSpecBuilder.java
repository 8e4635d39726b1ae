/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.model.ProviderSpec;
import dev.assay.stats.Direction;
import dev.assay.stats.KayentaJudgeConfig;
import dev.assay.stats.ProportionMargin;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Builds a {@link JudgeSpec}; unset options take the defaults documented there. Not thread-safe. */
public final class JudgeSpecBuilder {
  private final ProviderSpec canary;
  private final ProviderSpec baseline;
  private JudgeRule rule = JudgeRule.NON_INFERIORITY;
  private @Nullable Direction direction;
  private @Nullable Double confidence;
  private double margin = 0.2;
  private String unit = "";
  private KayentaJudgeConfig kayenta = KayentaJudgeConfig.builder().build();
  private JudgeData data = JudgeData.VALUES;
  private JudgeMode mode = JudgeMode.FIXED;
  private ProportionMargin proportionMargin = ProportionMargin.points(1);
  private Optional<ProviderSpec> canaryTrials = Optional.empty();
  private Optional<ProviderSpec> baselineTrials = Optional.empty();
  private @Nullable Double plannedSize;

  JudgeSpecBuilder(ProviderSpec canary, ProviderSpec baseline) {
    this.canary = Objects.requireNonNull(canary, "canary");
    this.baseline = Objects.requireNonNull(baseline, "baseline");
  }

  /**
   * Sets the rule.
   *
   * @param value the rule
   * @return this builder
   */
  public JudgeSpecBuilder rule(JudgeRule value) {
    rule = Objects.requireNonNull(value, "rule");
    return this;
  }

  /**
   * Sets which change is bad.
   *
   * @param value the direction
   * @return this builder
   */
  public JudgeSpecBuilder direction(Direction value) {
    direction = Objects.requireNonNull(value, "direction");
    return this;
  }

  /**
   * Sets the two-sided confidence level.
   *
   * @param value in (0, 1)
   * @return this builder
   */
  public JudgeSpecBuilder confidence(double value) {
    confidence = value;
    return this;
  }

  /**
   * Sets the non-inferiority margin.
   *
   * @param value a fraction of the baseline, for example 0.2
   * @return this builder
   */
  public JudgeSpecBuilder margin(double value) {
    margin = value;
    return this;
  }

  /**
   * Sets the unit named in reasons.
   *
   * @param value for example {@code "ms"}
   * @return this builder
   */
  public JudgeSpecBuilder unit(String value) {
    unit = Objects.requireNonNull(value, "unit").strip();
    return this;
  }

  /**
   * Selects the Kayenta rule with these options. Their direction and confidence apply unless
   * {@link #direction(Direction)} or {@link #confidence(double)} set others.
   *
   * @param value the Kayenta options
   * @return this builder
   */
  public JudgeSpecBuilder kayenta(KayentaJudgeConfig value) {
    kayenta = Objects.requireNonNull(value, "kayenta");
    rule = JudgeRule.KAYENTA;
    return this;
  }

  /**
   * Sets what the series hold. For {@link JudgeData#COUNTS} use {@link #counts(ProviderSpec, ProviderSpec)}.
   *
   * @param value the data shape
   * @return this builder
   */
  public JudgeSpecBuilder data(JudgeData value) {
    data = Objects.requireNonNull(value, "data");
    return this;
  }

  /**
   * Makes the series event counts: the canary and baseline blocks given to the builder read events, these read
   * trials.
   *
   * @param canaryTrialsSeries the provider block of the canary's trial counts
   * @param baselineTrialsSeries the provider block of the baseline's trial counts
   * @return this builder
   */
  public JudgeSpecBuilder counts(ProviderSpec canaryTrialsSeries, ProviderSpec baselineTrialsSeries) {
    canaryTrials = Optional.of(Objects.requireNonNull(canaryTrialsSeries, "canaryTrials"));
    baselineTrials = Optional.of(Objects.requireNonNull(baselineTrialsSeries, "baselineTrials"));
    data = JudgeData.COUNTS;
    return this;
  }

  /**
   * Sets the mode.
   *
   * @param value fixed or sequential
   * @return this builder
   */
  public JudgeSpecBuilder mode(JudgeMode value) {
    mode = Objects.requireNonNull(value, "mode");
    return this;
  }

  /**
   * Sets the margin for flags and counts.
   *
   * @param value in percentage points or as a ratio
   * @return this builder
   */
  public JudgeSpecBuilder proportionMargin(ProportionMargin value) {
    proportionMargin = Objects.requireNonNull(value, "proportionMargin");
    return this;
  }

  /**
   * Sets the size at which the sequential mode's confidence sequence is tightest.
   *
   * @param value values (trials) per sample, {@code >= 1}
   * @return this builder
   */
  public JudgeSpecBuilder plannedSize(double value) {
    plannedSize = value;
    return this;
  }

  /**
   * Builds the spec.
   *
   * @return the spec
   * @throws JudgeSpecException naming the field when an option is out of range
   */
  public JudgeSpec build() {
    boolean k = rule == JudgeRule.KAYENTA;
    Direction d = direction != null ? direction : k ? kayenta.direction() : Direction.INCREASE;
    double c = confidence != null ? confidence : k ? kayenta.confidence() : 0.98;
    double planned = plannedSize != null ? plannedSize : data.proportions() ? 10_000 : 100;
    if (data != JudgeData.COUNTS) {
      return new JudgeSpec(canary, baseline, rule, d, c, margin, unit, kayenta, data, mode, proportionMargin,
          Optional.empty(), Optional.empty(), planned);
    }
    return new JudgeSpec(canary, baseline, rule, d, c, margin, unit, kayenta, data, mode, proportionMargin,
        canaryTrials, baselineTrials, planned);
  }
}
