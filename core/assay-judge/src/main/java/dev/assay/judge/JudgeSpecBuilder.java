/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.model.ProviderSpec;
import dev.assay.stats.Direction;
import dev.assay.stats.KayentaJudgeConfig;
import java.util.Objects;
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
   * Builds the spec.
   *
   * @return the spec
   * @throws JudgeSpecException naming the field when an option is out of range
   */
  public JudgeSpec build() {
    boolean k = rule == JudgeRule.KAYENTA;
    Direction d = direction != null ? direction : k ? kayenta.direction() : Direction.INCREASE;
    double c = confidence != null ? confidence : k ? kayenta.confidence() : 0.98;
    return new JudgeSpec(canary, baseline, rule, d, c, margin, unit, kayenta);
  }
}
