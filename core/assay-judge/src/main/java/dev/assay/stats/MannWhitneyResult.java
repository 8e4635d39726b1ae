/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/**
 * The outcome of a {@link MannWhitney} test of {@code x} against {@code y}, with the same quantities as R's
 * {@code wilcox.test(x, y, conf.int = TRUE)}.
 *
 * @param nx number of finite values of {@code x} used
 * @param ny number of finite values of {@code y} used
 * @param statistic R's {@code W}: the Mann-Whitney {@code U} of {@code x - mu}, i.e. the number of pairs with
 *     {@code x - mu > y} plus half the ties; between 0 and {@code nx * ny}
 * @param z the standardized statistic of the normal approximation (with tie correction and, if enabled,
 *     continuity correction); NaN for exact p-values and when all values are tied
 * @param pValue the p-value for {@code alternative}; NaN when all values are tied (as R)
 * @param exact whether the exact distribution was used (no ties and the method allowed it)
 * @param ties whether the combined sample {@code x - mu, y} had ties
 * @param alternative the alternative hypothesis tested
 * @param mu the hypothesized shift
 * @param estimate the Hodges-Lehmann estimate of the shift {@code x - y} (median of pairwise differences when
 *     exact; the root of the uncorrected statistic, as R, otherwise)
 * @param confLow lower confidence bound of the shift; {@code -Infinity} for {@link Alternative#LESS}
 * @param confHigh upper confidence bound of the shift; {@code +Infinity} for {@link Alternative#GREATER}
 * @param confLevel the confidence level of the interval: the requested one, or the achieved one when the exact
 *     distribution cannot reach it (R's {@code attr(conf.int, "conf.level")}; 0 for one value against one value)
 */
public record MannWhitneyResult(
    long nx,
    long ny,
    double statistic,
    double z,
    double pValue,
    boolean exact,
    boolean ties,
    Alternative alternative,
    double mu,
    double estimate,
    double confLow,
    double confHigh,
    double confLevel) {

  /**
   * Validates the sizes, the level and the alternative.
   *
   * @param nx number of finite values of {@code x} used
   * @param ny number of finite values of {@code y} used
   * @param statistic R's {@code W}: the Mann-Whitney {@code U} of {@code x - mu}, i.e. the number of pairs with {@code x - mu > y} plus half the ties; between 0 and {@code nx * ny}
   * @param z the standardized statistic of the normal approximation (with tie correction and, if enabled, continuity correction); NaN for exact p-values and when all values are tied
   * @param pValue the p-value for {@code alternative}; NaN when all values are tied (as R)
   * @param exact whether the exact distribution was used (no ties and the method allowed it)
   * @param ties whether the combined sample {@code x - mu, y} had ties
   * @param alternative the alternative hypothesis tested
   * @param mu the hypothesized shift
   * @param estimate the Hodges-Lehmann estimate of the shift {@code x - y} (median of pairwise differences when exact; the root of the uncorrected statistic, as R, otherwise)
   * @param confLow lower confidence bound of the shift; {@code -Infinity} for {@link Alternative#LESS}
   * @param confHigh upper confidence bound of the shift; {@code +Infinity} for {@link Alternative#GREATER}
   * @param confLevel the confidence level of the interval: the requested one, or the achieved one when the exact distribution cannot reach it (R's {@code attr(conf.int, "conf.level")}; 0 for one value against one value)
   */
  public MannWhitneyResult {
    if (nx < 1 || ny < 1) {
      throw new IllegalArgumentException("nx and ny must be >= 1, but were " + nx + " and " + ny);
    }
    if (!(confLevel >= 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confLevel must be in [0, 1), but was " + confLevel);
    }
    java.util.Objects.requireNonNull(alternative, "alternative");
  }
}
