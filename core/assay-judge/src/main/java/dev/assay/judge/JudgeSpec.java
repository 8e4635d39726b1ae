/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.judge.internal.JudgeBlocks;
import dev.assay.model.Metric;
import dev.assay.model.ProviderSpec;
import dev.assay.stats.CanaryJudge;
import dev.assay.stats.Direction;
import dev.assay.stats.KayentaJudge;
import dev.assay.stats.KayentaJudgeConfig;
import dev.assay.stats.NonInferiorityJudge;
import dev.assay.stats.ProportionJudge;
import dev.assay.stats.ProportionMargin;
import dev.assay.stats.SequentialJudge;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One judge block: where the canary and baseline series come from and how to judge them. In YAML it is the value
 * of {@code provider.plugin["assay/judge"]} (see {@link #fromBlock(Map)}); in Java, build one with
 * {@link #builder(ProviderSpec, ProviderSpec)} and put {@link #toProviderSpec()} into a metric. Immutable and
 * thread-safe; {@link #toString()} names the series' providers but never shows their settings.
 *
 * @param canary the provider block that reads the canary series (exactly one provider, not the judge itself); for
 *     {@link JudgeData#COUNTS}, the canary's event counts
 * @param baseline the provider block that reads the baseline series; for counts, the baseline's event counts
 * @param rule the decision rule; default {@link JudgeRule#NON_INFERIORITY}
 * @param direction which change is bad; default {@link Direction#INCREASE} for non-inferiority and
 *     {@link Direction#EITHER} for Kayenta
 * @param confidence two-sided confidence level of the interval, in (0, 1); default 0.98
 * @param margin non-inferiority margin as a fraction of the baseline (0.2 = 20%); default 0.2; unused by Kayenta
 * @param unit the metric's unit for reasons, for example {@code "ms"}; default empty; unused by Kayenta
 * @param kayenta the Kayenta options; its direction and confidence always equal this spec's (the constructor sets
 *     them); unused by non-inferiority
 * @param data what the series hold; default {@link JudgeData#VALUES}; flags and counts use the proportion judge
 *     with the non-inferiority rule (Kayenta's rule judges values only)
 * @param mode fixed (default) or sequential ({@link JudgeMode}); sequential needs the non-inferiority rule
 * @param proportionMargin the margin for flags and counts; default 1 percentage point; unused for values
 * @param canaryTrials for counts, the provider block of the canary's trial counts; empty otherwise
 * @param baselineTrials for counts, the provider block of the baseline's trial counts; empty otherwise
 * @param plannedSize sequential mode: values (trials) per sample at which the confidence sequence is tightest;
 *     default 100 for values and 10,000 for flags and counts; unused in fixed mode
 */
public record JudgeSpec(
    ProviderSpec canary,
    ProviderSpec baseline,
    JudgeRule rule,
    Direction direction,
    double confidence,
    double margin,
    String unit,
    KayentaJudgeConfig kayenta,
    JudgeData data,
    JudgeMode mode,
    ProportionMargin proportionMargin,
    Optional<ProviderSpec> canaryTrials,
    Optional<ProviderSpec> baselineTrials,
    double plannedSize) {

  /** The plugin name under Argo's {@code plugin} map. */
  public static final String PLUGIN_NAME = "assay/judge";

  /**
   * Validates every field (through the judge it describes) and aligns the Kayenta options' direction and confidence.
   *
   * @param canary the provider block that reads the canary series (exactly one provider, not the judge itself)
   * @param baseline the provider block that reads the baseline series
   * @param rule the decision rule; default {@link JudgeRule#NON_INFERIORITY}
   * @param direction which change is bad; default {@link Direction#INCREASE} for non-inferiority and {@link Direction#EITHER} for Kayenta
   * @param confidence two-sided confidence level of the interval, in (0, 1); default 0.98
   * @param margin non-inferiority margin as a fraction of the baseline (0.2 = 20%); default 0.2; unused by Kayenta
   * @param unit the metric's unit for reasons, for example {@code "ms"}; default empty; unused by Kayenta
   * @param kayenta the Kayenta options; its direction and confidence always equal this spec's (the constructor sets them); unused by non-inferiority
   * @param data what the series hold; default {@link JudgeData#VALUES}; flags and counts use the proportion judge with the non-inferiority rule (Kayenta's rule judges values only)
   * @param mode fixed (default) or sequential ({@link JudgeMode}); sequential needs the non-inferiority rule
   * @param proportionMargin the margin for flags and counts; default 1 percentage point; unused for values
   * @param canaryTrials for counts, the provider block of the canary's trial counts; empty otherwise
   * @param baselineTrials for counts, the provider block of the baseline's trial counts; empty otherwise
   * @param plannedSize sequential mode: values (trials) per sample at which the confidence sequence is tightest; default 100 for values and 10,000 for flags and counts; unused in fixed mode
   * @throws JudgeSpecException naming the field when something is wrong
   */
  public JudgeSpec {
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kayenta, "kayenta");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(proportionMargin, "proportionMargin");
    Objects.requireNonNull(canaryTrials, "canaryTrials");
    Objects.requireNonNull(baselineTrials, "baselineTrials");
    requireSeries("canary", canary);
    requireSeries("baseline", baseline);
    if ((data == JudgeData.COUNTS) != (canaryTrials.isPresent() && baselineTrials.isPresent())
        || canaryTrials.isPresent() != baselineTrials.isPresent()) {
      throw new JudgeSpecException(PLUGIN_NAME + ": data counts needs trials providers for both canary and "
          + "baseline (canary: {events: ..., trials: ...}), and only counts may have them");
    }
    canaryTrials.ifPresent(t -> requireSeries("canary.trials", t));
    baselineTrials.ifPresent(t -> requireSeries("baseline.trials", t));
    if (rule == JudgeRule.KAYENTA && (data != JudgeData.VALUES || mode != JudgeMode.FIXED)) {
      throw new JudgeSpecException(PLUGIN_NAME + ".rule kayenta judges values in fixed mode only, but data is "
          + data.configName() + " and mode " + mode.configName() + "; use rule non-inferiority");
    }
    try {
      kayenta = kayenta.toBuilder().direction(direction).confidence(confidence).build();
      judgeOf(rule, direction, confidence, margin, unit, kayenta, data, proportionMargin);
      if (mode == JudgeMode.SEQUENTIAL) {
        sequentialOf(direction, confidence, margin, data, proportionMargin, plannedSize);
      }
    } catch (IllegalArgumentException e) {
      throw new JudgeSpecException(PLUGIN_NAME + "." + e.getMessage(), e);
    }
  }

  /**
   * A builder with the defaults above.
   *
   * @param canary the provider block of the canary series
   * @param baseline the provider block of the baseline series
   * @return a new builder
   */
  public static JudgeSpecBuilder builder(ProviderSpec canary, ProviderSpec baseline) {
    return new JudgeSpecBuilder(canary, baseline);
  }

  /**
   * Reads a judge block as YAML gives it (plain maps, lists, numbers and text; numbers may also be text, as after
   * argument substitution). Unknown keys and options of the other rule are rejected.
   *
   * @param block the value of {@code plugin["assay/judge"]}
   * @return the spec
   * @throws JudgeSpecException naming the key when the block is invalid
   */
  public static JudgeSpec fromBlock(Map<?, ?> block) {
    return JudgeBlocks.read(Objects.requireNonNull(block, "block"));
  }

  /**
   * Reads the judge block of a metric.
   *
   * @param metric a metric whose provider is {@code plugin: {assay/judge: ...}}
   * @return the spec
   * @throws JudgeSpecException when the metric has no judge block or it is invalid
   */
  public static JudgeSpec of(Metric metric) {
    Object plugin = Objects.requireNonNull(metric, "metric").provider().other().get("plugin");
    Object block = plugin instanceof Map ? ((Map<?, ?>) plugin).get(PLUGIN_NAME) : null;
    if (!(block instanceof Map)) {
      throw new JudgeSpecException("metric \"" + metric.name() + "\" has no provider.plugin[\"" + PLUGIN_NAME
          + "\"] map");
    }
    return fromBlock((Map<?, ?>) block);
  }

  /**
   * The block as plain values, the inverse of {@link #fromBlock(Map)}: the series, {@code rule},
   * {@code direction}, {@code confidence}, and the options of this rule only.
   *
   * @return an unmodifiable, ordered map
   */
  public Map<String, Object> toBlock() {
    return JudgeBlocks.write(this);
  }

  /**
   * The metric's provider block: {@code plugin: {assay/judge: toBlock()}}.
   *
   * @return the provider spec
   */
  public ProviderSpec toProviderSpec() {
    return ProviderSpec.of("plugin", Map.of(PLUGIN_NAME, toBlock()));
  }

  /**
   * The fixed-horizon judge this spec describes.
   *
   * @return a {@link NonInferiorityJudge}, a {@link KayentaJudge} or (flags and counts) a {@link ProportionJudge}
   */
  public CanaryJudge judge() {
    return judgeOf(rule, direction, confidence, margin, unit, kayenta, data, proportionMargin);
  }

  /**
   * The sequential judge this spec describes (whatever its mode).
   *
   * @return the judge
   */
  public SequentialJudge sequentialJudge() {
    return sequentialOf(direction, confidence, margin, data, proportionMargin, plannedSize);
  }

  /**
   * The rule and its settings with the series' provider types only: series blocks may hold credentials.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "JudgeSpec[canary=" + canary.types() + ", baseline=" + baseline.types() + ", data=" + data.configName()
        + ", judge=" + (mode == JudgeMode.SEQUENTIAL ? sequentialJudge() : judge()) + "]";
  }

  private static CanaryJudge judgeOf(JudgeRule rule, Direction direction, double confidence, double margin,
      String unit, KayentaJudgeConfig kayenta, JudgeData data, ProportionMargin proportionMargin) {
    if (rule == JudgeRule.KAYENTA) {
      return KayentaJudge.of(kayenta);
    }
    if (data.proportions()) {
      return ProportionJudge.withDefaults().with(direction).withConfidence(confidence).withMargin(proportionMargin);
    }
    return NonInferiorityJudge.withDefaults().with(direction).withConfidence(confidence).withMargin(margin)
        .withUnit(unit);
  }

  private static SequentialJudge sequentialOf(Direction direction, double confidence, double margin, JudgeData data,
      ProportionMargin proportionMargin, double plannedSize) {
    SequentialJudge j = data.proportions()
        ? SequentialJudge.forProportions().with(direction).withMargin(proportionMargin)
        : SequentialJudge.forValues().with(direction).withMargin(margin);
    return j.withConfidence(confidence).withPlannedSize(plannedSize);
  }

  private static void requireSeries(String name, ProviderSpec spec) {
    List<String> types = spec.types();
    if (types.size() != 1) {
      throw new JudgeSpecException(PLUGIN_NAME + "." + name + " must name exactly one provider, but named "
          + (types.isEmpty() ? "none" : String.join(", ", types)));
    }
    if (types.get(0).equals(JudgeMetricProvider.TYPE)) {
      throw new JudgeSpecException(PLUGIN_NAME + "." + name + " must not be another judge");
    }
  }
}
