/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

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
 * tolerance are configurable; infinite values are dropped; U, z, p, the interval and the effect size are reported.
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
    double[] c = Samples.clean(Objects.requireNonNull(canary, "canary"), replace);
    double[] b = Samples.clean(Objects.requireNonNull(baseline, "baseline"), replace);
    if (config.removeOutliers()) {
      c = Samples.withoutOutliers(c, config.outlierFactor());
      b = Samples.withoutOutliers(b, config.outlierFactor());
    }
    double[] sc = Samples.sorted(c);
    double[] sb = Samples.sorted(b);
    JudgeStatistics.Builder stats = JudgeStatistics.builder(RULE)
        .samples(c.length, b.length, Samples.median(sc), Samples.median(sb))
        .confidence(config.confidence());
    if (c.length == 0 || b.length == 0) {
      return noData(c.length, b.length, replace, stats);
    }
    String medians = "canary median " + Formats.number(Samples.median(sc)) + " vs baseline median "
        + Formats.number(Samples.median(sb));
    if (Arrays.equals(sc, sb) || (sc[0] == sc[sc.length - 1] && sb[0] == sb[sb.length - 1] && sc[0] == sb[0])) {
      stats.effectSize(config.effectSizeMeasure().neutral(), config.effectSizeMeasure());
      return verdict("Pass", medians + "; the samples are identical or hold one value: Pass", stats);
    }
    MannWhitneyResult r = MannWhitney.withDefaults()
        .with(PValueMethod.NORMAL)
        .withConfLevel(config.confidence())
        .test(sc, sb);
    double effect = config.effectSizeMeasure() == EffectSizeMeasure.CLES
        ? r.statistic() / ((double) c.length * b.length)
        : NonInferiorityJudge.meanRatio(c, b);
    // relative to the baseline median for display only; undefined (NaN) when that median is 0
    double baselineScale = Math.abs(Samples.median(sb));
    double perUnit = baselineScale == 0 ? Double.NaN : 1 / baselineScale;
    stats.test(r, "absolute")
        .relative(r.estimate() * perUnit, r.confLow() * perUnit, r.confHigh() * perUnit)
        .effectSize(effect, config.effectSizeMeasure());
    double bound = config.tolerance() * Math.abs(r.estimate());
    boolean up = config.direction() != Direction.DECREASE;
    boolean down = config.direction() != Direction.INCREASE;
    String label;
    String why;
    if (up && r.confLow() > bound && (Double.isNaN(effect) || effect >= config.allowedIncrease())) {
      label = "High";
      why = "lies above +" + Formats.number(bound);
    } else if (down && r.confHigh() < -bound && (Double.isNaN(effect) || effect <= config.allowedDecrease())) {
      label = "Low";
      why = "lies below -" + Formats.number(bound);
    } else {
      label = "Pass";
      boolean cleared = (up && r.confLow() > bound) || (down && r.confHigh() < -bound);
      why = cleared
          ? "clears +-" + Formats.number(bound) + " but the effect size is within the allowed limits"
          : "does not lie " + (up && down ? "outside +-" : up ? "above +" : "below -") + Formats.number(bound);
    }
    String reason = medians + "; shift " + Formats.number(r.estimate()) + ", " + Formats.level(r.confLevel())
        + " CI [" + Formats.number(r.confLow()) + ", " + Formats.number(r.confHigh()) + "] " + why + " ("
        + Formats.number(config.tolerance() * 100) + "% of |shift|), " + config.effectSizeMeasure().configName()
        + " " + Formats.number(effect) + ", p " + Formats.number(r.pValue()) + criticalNote(label, effect) + ": "
        + label;
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

  private Verdict noData(int nc, int nb, boolean replace, JudgeStatistics.Builder stats) {
    String missing = nc == 0 && nb == 0 ? "both samples are" : nc == 0 ? "the canary sample is" : "the baseline "
        + "sample is";
    if (replace) {
      return verdict("Pass", missing + " empty and nanStrategy is replace: Pass", stats);
    }
    if (config.critical() || config.mustHaveData()) {
      String label = config.critical() ? "Nodata" : "NodataFailMetric";
      return new Verdict(Decision.FAIL, missing + " empty and the metric "
          + (config.critical() ? "is critical" : "must have data") + ": " + label + ", fail",
          stats.classification(label).build());
    }
    return verdict("Nodata", missing + " empty after removing NaN" + (config.removeOutliers() ? " and outliers"
        : "") + ": Nodata", stats);
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
