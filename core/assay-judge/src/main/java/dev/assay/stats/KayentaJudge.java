/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import dev.assay.stats.internal.SampleSizes;
import dev.assay.stats.internal.Samples;
import java.util.Arrays;
import java.util.Objects;

/**
 * A port of the per-metric classification of Kayenta's NetflixACAJudge (Mann-Whitney classifier), so that Kayenta
 * users can move their canary configs over. Prefer {@link NonInferiorityJudge}: this rule compares the interval
 * with a margin proportional to the shift estimate itself ({@code +-tolerance x |estimate|}), so a large but noisy
 * regression passes (for example canary {@code [100 x7, 1 x3]} against baseline {@code [1 x10]}).
 *
 * <p>Steps, as Kayenta: NaN handling ({@link NanStrategy}); optional IQR outlier removal per sample; an empty sample
 * is {@code Nodata} (or {@code NodataFailMetric} with {@code mustHaveData}; with {@link NanStrategy#REPLACE} it
 * passes); identical samples, or a single distinct value, pass; then the two-sided rank-sum test with the normal
 * approximation and continuity correction gives the Hodges-Lehmann shift {@code canary - baseline} and its
 * interval. {@code High} when the direction allows increases, the interval's lower end is above
 * {@code tolerance x |estimate|} and the effect size is at least {@code allowedIncrease} (or NaN); {@code Low}
 * symmetrically; otherwise {@code Pass}. High and Low fail; Nodata is inconclusive, NodataFailMetric fails.
 *
 * <p>Deliberate differences from Kayenta: no random noise (when each sample is constant, every pairwise difference
 * is the same number, so the estimate and interval are that difference: deterministic); the confidence level and
 * tolerance are configurable; infinite values rank beyond every finite value (an interval at {@code +inf} is
 * {@code High}); shifts and bounds are computed on rescaled values and snapped to pairwise differences, so the
 * verdict does not depend on units or on root-finder noise; when the sample sizes cannot support the configured
 * confidence the classification stays Kayenta's but the reason warns and {@code confidence} reports the most the
 * interval can have; U, z, p, the interval and the effect size are reported.
 *
 * <p>Immutable and thread-safe.
 */
public final class KayentaJudge implements CanaryJudge {
  /** The rule name in verdicts. */
  public static final String RULE = "kayenta";

  private static final KayentaJudge DEFAULTS = new KayentaJudge(KayentaJudgeConfig.builder().build());

  private final KayentaJudgeConfig config;

  private KayentaJudge(KayentaJudgeConfig config) {
    this.config = config;
  }

  /**
   * A judge with Kayenta's defaults (direction either, confidence 0.98, tolerance 0.25, mean ratio, remove NaN).
   *
   * @return the default judge
   */
  public static KayentaJudge withDefaults() {
    return DEFAULTS;
  }

  /**
   * A judge with the given settings.
   *
   * @param config the settings
   * @return the judge
   */
  public static KayentaJudge of(KayentaJudgeConfig config) {
    return new KayentaJudge(Objects.requireNonNull(config, "config"));
  }

  /**
   * Returns a copy with other settings.
   *
   * @param value the settings
   * @return a new judge
   */
  public KayentaJudge with(KayentaJudgeConfig value) {
    return of(value);
  }

  /**
   * The settings.
   *
   * @return the config
   */
  public KayentaJudgeConfig config() {
    return config;
  }

  @Override
  public Verdict judge(double[] canary, double[] baseline) {
    boolean replace = config.nanStrategy() == NanStrategy.REPLACE;
    CleanSample cleanC = CleanSample.of(Objects.requireNonNull(canary, "canary"), replace);
    CleanSample cleanB = CleanSample.of(Objects.requireNonNull(baseline, "baseline"), replace);
    double[] c = cleanC.values();
    double[] b = cleanB.values();
    long[] outliers = new long[2];
    if (config.removeOutliers()) {
      c = Samples.withoutOutliers(c, config.outlierFactor());
      b = Samples.withoutOutliers(b, config.outlierFactor());
      outliers = new long[] {cleanC.values().length - c.length, cleanB.values().length - b.length};
    }
    double[] sc = Samples.sorted(c);
    double[] sb = Samples.sorted(b);
    String note = CleanSample.note(cleanC, cleanB, outliers);
    JudgeStatistics.Builder stats = JudgeStatistics.builder(RULE)
        .samples(c.length, b.length, Samples.median(sc), Samples.median(sb))
        .confidence(config.confidence())
        .valueCounts(cleanC.nan() + cleanB.nan() + outliers[0] + outliers[1], cleanC.infinite() + cleanB.infinite());
    if (c.length == 0 || b.length == 0) {
      return noData(c.length, b.length, replace, note, stats);
    }
    String medians = "canary median " + Formats.number(Samples.median(sc)) + " vs baseline median "
        + Formats.number(Samples.median(sb)) + note;
    if (Arrays.equals(sc, sb) || (sc[0] == sc[sc.length - 1] && sb[0] == sb[sb.length - 1] && sc[0] == sb[0])) {
      stats.effectSize(config.effectSizeMeasure().neutral(), config.effectSizeMeasure());
      return verdict("Pass", medians + "; the samples are identical or hold one value: Pass", stats);
    }
    MannWhitneyResult r = RankShifts.test(MannWhitney.withDefaults()
        .with(PValueMethod.NORMAL)
        .withConfLevel(config.confidence()), sc, sb, true);
    double effect = config.effectSizeMeasure() == EffectSizeMeasure.CLES
        ? r.statistic() / ((double) c.length * b.length)
        : NonInferiorityJudge.meanRatio(c, b);
    // relative to the baseline median for display only; undefined (NaN) when that median is 0
    double baselineScale = Math.abs(Samples.median(sb));
    double perUnit = baselineScale == 0 ? Double.NaN : 1 / baselineScale;
    // Kayenta calls its interval a confidence interval at the configured level whatever the sample sizes; report
    // what it can have at most, and warn (the classification stays Kayenta's)
    double level = config.confidence();
    String warning = "";
    if (!SampleSizes.canReach(c.length, b.length, level)) {
      level = SampleSizes.maximumConfidence(c.length, b.length);
      warning = "; warning: " + c.length + " canary and " + b.length + " baseline values cannot support a "
          + Formats.level(config.confidence()) + " interval (at most " + Formats.level(level) + "), at least "
          + SampleSizes.minimumEqualSize(config.confidence()) + " per sample are needed";
    }
    stats.test(r, "absolute")
        .relative(r.estimate() * perUnit, r.confLow() * perUnit, r.confHigh() * perUnit)
        .effectSize(effect, config.effectSizeMeasure())
        .confidence(level)
        .method("rank-sum");
    double bound = config.tolerance() * Math.abs(r.estimate());
    boolean up = config.direction() != Direction.DECREASE;
    boolean down = config.direction() != Direction.INCREASE;
    // an interval entirely at +inf (-inf) clears any bound, even the infinite one of an infinite estimate
    boolean above = r.confLow() > bound || r.confLow() == Double.POSITIVE_INFINITY;
    boolean below = r.confHigh() < -bound || r.confHigh() == Double.NEGATIVE_INFINITY;
    String label;
    String why;
    if (up && above && (Double.isNaN(effect) || effect >= config.allowedIncrease())) {
      label = "High";
      why = "lies above +" + Formats.number(bound);
    } else if (down && below && (Double.isNaN(effect) || effect <= config.allowedDecrease())) {
      label = "Low";
      why = "lies below -" + Formats.number(bound);
    } else {
      label = "Pass";
      boolean cleared = (up && above) || (down && below);
      why = cleared
          ? "clears +-" + Formats.number(bound) + " but the effect size is within the allowed limits"
          : "does not lie " + (up && down ? "outside +-" : up ? "above +" : "below -") + Formats.number(bound);
    }
    String levelText = level == config.confidence() ? Formats.level(level)
        : "at most " + Formats.level(level) + " (" + Formats.level(config.confidence()) + " requested)";
    String reason = medians + "; shift " + Formats.number(r.estimate()) + ", " + levelText
        + " CI [" + Formats.number(r.confLow()) + ", " + Formats.number(r.confHigh()) + "] " + why + " ("
        + Formats.number(config.tolerance() * 100) + "% of |shift|), " + config.effectSizeMeasure().configName()
        + " " + Formats.number(effect) + ", p " + Formats.number(r.pValue()) + criticalNote(label, effect) + warning
        + ": " + label;
    return verdict(label, reason, stats);
  }

  private String criticalNote(String label, double effect) {
    if (!config.critical()) {
      return "";
    }
    boolean criticalFailure = ("High".equals(label) && !(effect < config.criticalIncrease()))
        || ("Low".equals(label) && !(effect > config.criticalDecrease()));
    return criticalFailure ? "; critical metric: critical failure" : "";
  }

  private Verdict noData(int nc, int nb, boolean replace, String note, JudgeStatistics.Builder stats) {
    String missing = nc == 0 && nb == 0 ? "both samples are" : nc == 0 ? "the canary sample is" : "the baseline "
        + "sample is";
    if (replace) {
      return verdict("Pass", missing + " empty and nanStrategy is replace" + note + ": Pass", stats);
    }
    if (config.critical() || config.mustHaveData()) {
      String label = config.critical() ? "Nodata" : "NodataFailMetric";
      return new Verdict(Decision.FAIL, missing + " empty and the metric "
          + (config.critical() ? "is critical" : "must have data") + note + ": " + label + ", fail",
          stats.classification(label).build());
    }
    return verdict("Nodata", missing + " empty after removing NaN" + (config.removeOutliers() ? " and outliers"
        : "") + note + ": Nodata", stats);
  }

  private static Verdict verdict(String label, String reason, JudgeStatistics.Builder stats) {
    Decision decision = "Pass".equals(label) ? Decision.PASS
        : "Nodata".equals(label) ? Decision.INCONCLUSIVE : Decision.FAIL;
    return new Verdict(decision, reason, stats.classification(label).build());
  }

  @Override
  public String toString() {
    return "KayentaJudge[" + config + "]";
  }
}
