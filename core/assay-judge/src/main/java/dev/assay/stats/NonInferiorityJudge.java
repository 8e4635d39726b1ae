/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import dev.assay.stats.internal.SampleSizes;
import dev.assay.stats.internal.Samples;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The default judge: a non-inferiority rule on the relative shift of the canary against the baseline. With the
 * defaults ("the canary is not slower than the baseline by more than 20%") it
 * <ul>
 *   <li>passes only when the upper confidence bound of the relative shift is below the margin: the data show the
 *       canary is at most 20% worse;
 *   <li>fails when the lower bound is above the margin: the data show it is more than 20% worse;
 *   <li>is inconclusive otherwise: not enough evidence either way (a rollout pauses instead of promoting).
 * </ul>
 * So a noisy sample never passes by default, which is how Kayenta's rule lets regressions through.
 *
 * <p><b>Relative shift.</b> When every value is positive (latencies, durations, sizes) the relative shift is
 * {@code exp(d) - 1}, where {@code d} is the Hodges-Lehmann shift of the log values, canary minus baseline, with
 * its {@link MannWhitney} interval (exact for small untied samples, otherwise R's normal-approximation inversion).
 * This is the multiplicative model "canary = (1 + shift) x baseline", under which the rank interval has its nominal
 * coverage, it does not depend on units, and one margin fits fast and slow endpoints alike. When some value is zero
 * or negative (error counts), logs are undefined and the relative shift is the Hodges-Lehmann shift of the raw
 * values divided by the baseline median; that interval ignores the baseline median's own uncertainty, so it is
 * slightly too narrow for small samples, and the reason says which scale was used. On that scale the values are
 * rescaled before the interval search and the results snapped to pairwise differences, so the verdict does not
 * depend on units. A baseline median of 0 then leaves the shift undefined: the verdict is inconclusive with
 * {@code minSampleSize} -1 (no size would decide) and the reason names {@link ProportionJudge} for such data.
 *
 * <p><b>Confidence 0.98 (default).</b> The decision uses a two-sided interval, so each wrong conclusion (passing a
 * canary that is more than the margin worse, failing one that is not) has at most a 1% chance per judgement. That
 * is deliberately stricter than 95%: analyses judge the same canary many times (Argo's {@code count}), and each
 * look is another chance for an error. It is also the level Kayenta users know.
 *
 * <p><b>Sample size.</b> If the two sizes cannot reach the confidence level at all (the smallest exact two-sided
 * p-value {@code 2 / C(m + n, m)} exceeds {@code 1 - confidence}; for 0.98 that means fewer than 5 + 5 values), the
 * verdict is inconclusive and {@code minSampleSize} is the smallest equal size that can. When the interval
 * straddles the margin, {@code minSampleSize} projects the equal per-sample size at which it would clear the margin
 * if the observed pairwise differences persist (see {@link JudgeStatistics#minSampleSize()}).
 *
 * <p>NaN values are dropped as missing; infinite values rank beyond every finite value ({@code +inf} is the worst
 * latency); the reason counts both. Immutable and thread-safe; configure with the with-ers:
 * {@code NonInferiorityJudge.withDefaults().withMargin(0.1).withConfidence(0.95)}.
 */
public final class NonInferiorityJudge implements CanaryJudge {
  /** The rule name in verdicts. */
  public static final String RULE = "non-inferiority";

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
  private static final NonInferiorityJudge DEFAULTS = new NonInferiorityJudge(0.20, 0.98, Direction.INCREASE, "");

  private final double margin;
  private final double confidence;
  private final Direction direction;
  private final String unit;

  private NonInferiorityJudge(double margin, double confidence, Direction direction, String unit) {
    if (!(margin > 0) || Double.isInfinite(margin)) {
      throw new IllegalArgumentException("margin must be > 0 and finite, but was " + margin);
    }
    if (direction != Direction.INCREASE && margin >= 1) {
      throw new IllegalArgumentException(
          "margin must be < 1 when direction is " + direction.configName() + ", but was " + margin);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    this.margin = margin;
    this.confidence = confidence;
    this.direction = direction;
    this.unit = unit;
  }

  /**
   * Margin 0.20, confidence 0.98, direction {@link Direction#INCREASE} (higher is worse), no unit.
   *
   * @return the default judge
   */
  public static NonInferiorityJudge withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another margin.
   *
   * @param value the largest acceptable relative change, as a fraction (0.2 = 20%); {@code > 0}, and
   *     {@code < 1} unless the direction is {@link Direction#INCREASE}
   * @return a new judge
   */
  public NonInferiorityJudge withMargin(double value) {
    return new NonInferiorityJudge(value, confidence, direction, unit);
  }

  /**
   * Returns a copy with another two-sided confidence level.
   *
   * @param value in (0, 1); default 0.98
   * @return a new judge
   */
  public NonInferiorityJudge withConfidence(double value) {
    return new NonInferiorityJudge(margin, value, direction, unit);
  }

  /**
   * Returns a copy with another direction.
   *
   * @param value which change is bad; {@link Direction#EITHER} makes it an equivalence rule (pass only inside
   *     {@code +-margin})
   * @return a new judge
   */
  public NonInferiorityJudge with(Direction value) {
    return new NonInferiorityJudge(margin, confidence, Objects.requireNonNull(value, "direction"), unit);
  }

  /**
   * Returns a copy that names a unit in its reasons, for example {@code "ms"}.
   *
   * @param value the unit; empty for none (default)
   * @return a new judge
   */
  public NonInferiorityJudge withUnit(String value) {
    return new NonInferiorityJudge(margin, confidence, direction, Objects.requireNonNull(value, "unit").strip());
  }

  @Override
  public Verdict judge(double[] canary, double[] baseline) {
    CleanSample cleanC = CleanSample.of(Objects.requireNonNull(canary, "canary"), false);
    CleanSample cleanB = CleanSample.of(Objects.requireNonNull(baseline, "baseline"), false);
    // rank statistics ignore order, so work on sorted copies: later sorts of sorted data are linear
    double[] c = Samples.sorted(cleanC.values());
    double[] b = Samples.sorted(cleanB.values());
    double medianC = Samples.median(c);
    double medianB = Samples.median(b);
    String note = CleanSample.note(cleanC, cleanB, new long[2]);
    JudgeStatistics.Builder stats = JudgeStatistics.builder(RULE)
        .samples(c.length, b.length, medianC, medianB)
        .confidence(confidence)
        .valueCounts(cleanC.nan() + cleanB.nan(), cleanC.infinite() + cleanB.infinite())
        .effectSize(meanRatio(c, b), EffectSizeMeasure.MEAN_RATIO);
    String medians = "canary median " + value(medianC) + " vs baseline median " + value(medianB) + note;
    if (!SampleSizes.canReach(c.length, b.length, confidence)) {
      long needed = SampleSizes.minimumEqualSize(confidence);
      String data = c.length == 0 || b.length == 0
          ? "no data: the " + (c.length == 0 ? "canary" : "baseline") + " has no values" + note
          : medians + "; " + c.length + " canary and " + b.length + " baseline values cannot reach "
              + Formats.level(confidence) + " confidence";
      String reason = data + "; at least " + needed + " per sample are needed: inconclusive";
      return inconclusive(reason, stats.minSampleSize(needed));
    }
    boolean log = Samples.allPositive(c) && Samples.allPositive(b);
    if (!log && medianB == 0) {
      String reason = medians + "; some values are zero or negative and the baseline median is 0, so a relative "
          + "shift is undefined and no sample size would decide (for error flags or counts use the proportion "
          + "judge, data: flags or counts): inconclusive";
      return inconclusive(reason, stats.minSampleSize(SampleSizes.NEVER));
    }
    double[] tc = log ? Samples.log(c) : c;
    double[] tb = log ? Samples.log(b) : b;
    // the log scale is unit-free already and stays R-exact; the absolute scale is rescaled (see RankShifts)
    MannWhitneyResult r = RankShifts.test(MannWhitney.withDefaults().withConfLevel(confidence), tc, tb, !log);
    double scaleB = Math.abs(medianB);
    double rel = log ? Math.expm1(r.estimate()) : r.estimate() / scaleB;
    double relLow = log ? Math.expm1(r.confLow()) : r.confLow() / scaleB;
    double relHigh = log ? Math.expm1(r.confHigh()) : r.confHigh() / scaleB;
    stats.test(r, log ? "log" : "absolute").relative(rel, relLow, relHigh).method("rank-sum");
    Decision decision = Margins.decide(direction, relLow, relHigh, -margin, margin);
    String interval = medians + "; shift " + Formats.percent(rel) + (log ? "" : " of the baseline median")
        + ", " + Formats.level(r.confLevel()) + " CI [" + Formats.percent(relLow) + ", "
        + Formats.percent(relHigh) + "] ";
    if (decision != Decision.INCONCLUSIVE) {
      stats.classification(decision.resultName());
      return new Verdict(decision, interval + outcomeText(decision) + ": " + decision.resultName(), stats.build());
    }
    double upper = log ? Math.log1p(margin) : margin * scaleB;
    double lower = log ? Math.log1p(-Math.min(margin, 0.999_999)) : -margin * scaleB;
    long needed = projectedSize(tc, tb, lower, upper, Math.max(c.length, b.length));
    String more = needed == SampleSizes.NEVER
        ? "; the estimate sits on the margin, so more data like this would not decide"
        : "; about " + needed + " values per sample would decide if the observed differences persist";
    return inconclusive(interval + outcomeText(decision) + ", not enough evidence" + more + ": inconclusive",
        stats.minSampleSize(needed));
  }

  private String outcomeText(Decision decision) {
    String m = Formats.percent(margin).substring(1);
    return Margins.outcome(direction, decision, "-" + m, "+" + m);
  }

  /** Smallest projected equal size over the decisions the data lean toward; NEVER when none. */
  private long projectedSize(double[] x, double[] sortedY, double lower, double upper, long current) {
    double z = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
    long pass;
    long fail;
    switch (direction) {
      case INCREASE:
        pass = size(x, sortedY, upper, true, z);
        fail = size(x, sortedY, upper, false, z);
        break;
      case DECREASE:
        pass = size(x, sortedY, lower, false, z);
        fail = size(x, sortedY, lower, true, z);
        break;
      default:
        long a = size(x, sortedY, upper, true, z);
        long b = size(x, sortedY, lower, false, z);
        pass = a == SampleSizes.NEVER || b == SampleSizes.NEVER ? SampleSizes.NEVER : Math.max(a, b);
        fail = smallest(size(x, sortedY, upper, false, z), size(x, sortedY, lower, true, z));
    }
    long best = smallest(pass, fail);
    return best == SampleSizes.NEVER ? best : Math.max(best, current + 1);
  }

  private static long size(double[] x, double[] sortedY, double bound, boolean below, double z) {
    return SampleSizes.projectedEqualSize(Samples.differenceFraction(x, sortedY, bound, below), z);
  }

  private static long smallest(long a, long b) {
    if (a == SampleSizes.NEVER) {
      return b;
    }
    return b == SampleSizes.NEVER ? a : Math.min(a, b);
  }

  private static Verdict inconclusive(String reason, JudgeStatistics.Builder stats) {
    return new Verdict(Decision.INCONCLUSIVE, reason,
        stats.classification(Decision.INCONCLUSIVE.resultName()).build());
  }

  private String value(double v) {
    return unit.isEmpty() ? Formats.number(v) : Formats.number(v) + " " + unit;
  }

  static double meanRatio(double[] canary, double[] baseline) {
    double mc = Samples.mean(canary);
    double mb = Samples.mean(baseline);
    return mc == 0 || mb == 0 ? Double.NaN : mc / mb;
  }

  @Override
  public String toString() {
    return "NonInferiorityJudge[margin=" + margin + ", confidence=" + confidence + ", direction="
        + direction.configName() + "]";
  }
}
