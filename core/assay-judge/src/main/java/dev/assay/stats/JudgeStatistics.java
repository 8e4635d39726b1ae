/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import java.util.Objects;

/**
 * Every number behind a {@link Verdict}. Quantities that were not computed (for example the test when a sample is
 * empty) are NaN. Shifts are "canary minus baseline".
 *
 * @param rule the rule that decided, for example {@code "non-inferiority"} or {@code "kayenta"}
 * @param classification the rule's own label: Kayenta's {@code Pass}, {@code High}, {@code Low}, {@code Nodata},
 *     {@code NodataFailMetric}; for non-inferiority the decision's name
 * @param nCanary number of canary values used (after NaN and outlier handling)
 * @param nBaseline number of baseline values used
 * @param medianCanary median of the canary values used, in metric units
 * @param medianBaseline median of the baseline values used, in metric units
 * @param u the Mann-Whitney U of the canary (R's W): pairs with canary above baseline, ties counted half
 * @param z the standardized statistic of the normal approximation; NaN when the exact distribution was used
 * @param pValue two-sided p-value of "no shift"
 * @param exact whether the exact distribution was used
 * @param scale the scale of the test: {@code "log"} (shift of log values), {@code "absolute"} (metric units), or
 *     {@code "none"} when no test ran
 * @param shift Hodges-Lehmann shift estimate on {@code scale}
 * @param shiftLow lower confidence bound of {@code shift}
 * @param shiftHigh upper confidence bound of {@code shift}
 * @param relativeShift the shift as a fraction of the baseline: 0.41 means the canary is 41% above
 * @param relativeLow lower confidence bound of {@code relativeShift}
 * @param relativeHigh upper confidence bound of {@code relativeShift}
 * @param confidence the two-sided confidence level of the interval, for example 0.98
 * @param effectSize the effect size ({@code effectSizeMeasure}), NaN when undefined
 * @param effectSizeMeasure {@code "meanRatio"} or {@code "cles"}
 * @param minSampleSize when inconclusive for lack of data: the number of values per sample that would be needed
 *     (see the judge); 0 when not applicable; -1 when no sample size would decide
 * @param method how the interval was computed: {@code "rank-sum"} (Mann-Whitney / Hodges-Lehmann),
 *     {@code "newcombe-wilson"} or {@code "newcombe-clopper-pearson"} (proportions), {@code "confidence-sequence"}
 *     (sequential mode), or {@code "none"} when no interval was computed
 * @param droppedValues values left out before judging (NaN, or values the method cannot use), over both samples
 * @param infiniteValues infinite values kept as the most extreme ranks, over both samples
 */
public record JudgeStatistics(
    String rule,
    String classification,
    long nCanary,
    long nBaseline,
    double medianCanary,
    double medianBaseline,
    double u,
    double z,
    double pValue,
    boolean exact,
    String scale,
    double shift,
    double shiftLow,
    double shiftHigh,
    double relativeShift,
    double relativeLow,
    double relativeHigh,
    double confidence,
    double effectSize,
    String effectSizeMeasure,
    long minSampleSize,
    String method,
    long droppedValues,
    long infiniteValues) {

  /**
   * Validates the names and counts.
   *
   * @param rule the rule that decided, for example {@code "non-inferiority"} or {@code "kayenta"}
   * @param classification the rule's own label: Kayenta's {@code Pass}, {@code High}, {@code Low}, {@code Nodata}, {@code NodataFailMetric}; for non-inferiority the decision's name
   * @param nCanary number of canary values used (after NaN and outlier handling)
   * @param nBaseline number of baseline values used
   * @param medianCanary median of the canary values used, in metric units
   * @param medianBaseline median of the baseline values used, in metric units
   * @param u the Mann-Whitney U of the canary (R's W): pairs with canary above baseline, ties counted half
   * @param z the standardized statistic of the normal approximation; NaN when the exact distribution was used
   * @param pValue two-sided p-value of "no shift"
   * @param exact whether the exact distribution was used
   * @param scale the scale of the test: {@code "log"} (shift of log values), {@code "absolute"} (metric units), or {@code "none"} when no test ran
   * @param shift Hodges-Lehmann shift estimate on {@code scale}
   * @param shiftLow lower confidence bound of {@code shift}
   * @param shiftHigh upper confidence bound of {@code shift}
   * @param relativeShift the shift as a fraction of the baseline: 0.41 means the canary is 41% above
   * @param relativeLow lower confidence bound of {@code relativeShift}
   * @param relativeHigh upper confidence bound of {@code relativeShift}
   * @param confidence the two-sided confidence level of the interval, for example 0.98
   * @param effectSize the effect size ({@code effectSizeMeasure}), NaN when undefined
   * @param effectSizeMeasure {@code "meanRatio"} or {@code "cles"}
   * @param minSampleSize when inconclusive for lack of data: the number of values per sample that would be needed (see the judge); 0 when not applicable; -1 when no sample size would decide
   * @param method how the interval was computed: {@code "rank-sum"} (Mann-Whitney / Hodges-Lehmann), {@code "newcombe-wilson"} or {@code "newcombe-clopper-pearson"} (proportions), {@code "confidence-sequence"} (sequential mode), or {@code "none"} when no interval was computed
   * @param droppedValues values left out before judging (NaN, or values the method cannot use), over both samples
   * @param infiniteValues infinite values kept as the most extreme ranks, over both samples
   */
  public JudgeStatistics {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(effectSizeMeasure, "effectSizeMeasure");
    Objects.requireNonNull(method, "method");
    if (droppedValues < 0 || infiniteValues < 0) {
      throw new IllegalArgumentException("droppedValues and infiniteValues must be >= 0, but were " + droppedValues
          + " and " + infiniteValues);
    }
    if (nCanary < 0 || nBaseline < 0) {
      throw new IllegalArgumentException(
          "nCanary and nBaseline must be >= 0, but were " + nCanary + " and " + nBaseline);
    }
    if (minSampleSize < -1) {
      throw new IllegalArgumentException("minSampleSize must be >= -1, but was " + minSampleSize);
    }
  }

  /**
   * Starts a builder with every number NaN, counts 0, scale {@code "none"} and the given rule.
   *
   * @param rule the rule name
   * @return a builder
   */
  public static Builder builder(String rule) {
    return new Builder(rule);
  }

  /**
   * Returns a builder holding this record's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(rule);
    b.classification = classification;
    b.nCanary = nCanary;
    b.nBaseline = nBaseline;
    b.medianCanary = medianCanary;
    b.medianBaseline = medianBaseline;
    b.u = u;
    b.z = z;
    b.pValue = pValue;
    b.exact = exact;
    b.scale = scale;
    b.shift = shift;
    b.shiftLow = shiftLow;
    b.shiftHigh = shiftHigh;
    b.relativeShift = relativeShift;
    b.relativeLow = relativeLow;
    b.relativeHigh = relativeHigh;
    b.confidence = confidence;
    b.effectSize = effectSize;
    b.effectSizeMeasure = effectSizeMeasure;
    b.minSampleSize = minSampleSize;
    b.method = method;
    b.droppedValues = droppedValues;
    b.infiniteValues = infiniteValues;
    return b;
  }

  /** Mutable builder of {@link JudgeStatistics}; not thread-safe. Setter names follow the record components. */
  public static final class Builder {
    private final String rule;
    private String classification = "";
    private long nCanary;
    private long nBaseline;
    private double medianCanary = Double.NaN;
    private double medianBaseline = Double.NaN;
    private double u = Double.NaN;
    private double z = Double.NaN;
    private double pValue = Double.NaN;
    private boolean exact;
    private String scale = "none";
    private double shift = Double.NaN;
    private double shiftLow = Double.NaN;
    private double shiftHigh = Double.NaN;
    private double relativeShift = Double.NaN;
    private double relativeLow = Double.NaN;
    private double relativeHigh = Double.NaN;
    private double confidence = Double.NaN;
    private double effectSize = Double.NaN;
    private String effectSizeMeasure = EffectSizeMeasure.MEAN_RATIO.configName();
    private long minSampleSize;
    private String method = "none";
    private long droppedValues;
    private long infiniteValues;

    private Builder(String rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * Sets a value.
     *
     * @param value see {@link JudgeStatistics#classification()}
     * @return this builder
     */
    public Builder classification(String value) {
      classification = Objects.requireNonNull(value, "classification");
      return this;
    }

    /**
     * Sets both sample sizes and medians.
     *
     * @param canaryCount values used from the canary
     * @param baselineCount values used from the baseline
     * @param canaryMedian canary median
     * @param baselineMedian baseline median
     * @return this builder
     */
    public Builder samples(long canaryCount, long baselineCount, double canaryMedian, double baselineMedian) {
      nCanary = canaryCount;
      nBaseline = baselineCount;
      medianCanary = canaryMedian;
      medianBaseline = baselineMedian;
      return this;
    }

    /**
     * Copies the test quantities (U, z, p, exact) and the shift interval from a test result.
     *
     * @param result the test result
     * @param testScale {@code "log"} or {@code "absolute"}
     * @return this builder
     */
    public Builder test(MannWhitneyResult result, String testScale) {
      u = result.statistic();
      z = result.z();
      pValue = result.pValue();
      exact = result.exact();
      scale = Objects.requireNonNull(testScale, "testScale");
      shift = result.estimate();
      shiftLow = result.confLow();
      shiftHigh = result.confHigh();
      return this;
    }

    /**
     * Sets the test quantities of a test other than the rank-sum test: no U and no z.
     *
     * @param p two-sided p-value
     * @param exactTest whether the p-value is exact
     * @param testScale the scale of the shift
     * @param estimate the shift
     * @param low its lower bound
     * @param high its upper bound
     * @return this builder
     */
    public Builder test(double p, boolean exactTest, String testScale, double estimate, double low, double high) {
      pValue = p;
      exact = exactTest;
      scale = Objects.requireNonNull(testScale, "testScale");
      shift = estimate;
      shiftLow = low;
      shiftHigh = high;
      return this;
    }

    /**
     * Sets the relative shift and its interval.
     *
     * @param estimate relative shift
     * @param low lower bound
     * @param high upper bound
     * @return this builder
     */
    public Builder relative(double estimate, double low, double high) {
      relativeShift = estimate;
      relativeLow = low;
      relativeHigh = high;
      return this;
    }

    /**
     * Sets a value.
     *
     * @param value the confidence level
     * @return this builder
     */
    public Builder confidence(double value) {
      confidence = value;
      return this;
    }

    /**
     * Sets the effect size.
     *
     * @param value the effect size
     * @param measure its measure
     * @return this builder
     */
    public Builder effectSize(double value, EffectSizeMeasure measure) {
      effectSize = value;
      effectSizeMeasure = measure.configName();
      return this;
    }

    /**
     * Sets a value.
     *
     * @param value see {@link JudgeStatistics#minSampleSize()}
     * @return this builder
     */
    public Builder minSampleSize(long value) {
      minSampleSize = value;
      return this;
    }

    /**
     * Sets a value.
     *
     * @param value see {@link JudgeStatistics#method()}
     * @return this builder
     */
    public Builder method(String value) {
      method = Objects.requireNonNull(value, "method");
      return this;
    }

    /**
     * Sets the counts of dropped and infinite values.
     *
     * @param dropped see {@link JudgeStatistics#droppedValues()}
     * @param infinite see {@link JudgeStatistics#infiniteValues()}
     * @return this builder
     */
    public Builder valueCounts(long dropped, long infinite) {
      droppedValues = dropped;
      infiniteValues = infinite;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return the statistics
     */
    public JudgeStatistics build() {
      return new JudgeStatistics(rule, classification, nCanary, nBaseline, medianCanary, medianBaseline, u, z,
          pValue, exact, scale, shift, shiftLow, shiftHigh, relativeShift, relativeLow, relativeHigh, confidence,
          effectSize, effectSizeMeasure, minSampleSize, method, droppedValues, infiniteValues);
    }
  }
}
