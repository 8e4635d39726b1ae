/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import dev.assay.stats.internal.BinomialIntervals;
import dev.assay.stats.internal.SampleSizes;
import java.util.Objects;

/**
 * A non-inferiority judge for event rates (errors out of requests), the right tool when both samples are counts of
 * events out of trials ({@link #judge(EventCounts, EventCounts)}) or one 0/1 flag per trial
 * ({@link #judge(double[], double[])}). A rank test cannot judge such data: with rare events both medians are 0.
 *
 * <p><b>Method.</b> The rate difference {@code canary - baseline} gets Newcombe's hybrid score interval (method 10
 * of Newcombe 1998), the rate ratio the MOVER-R interval (Donner and Zou 2012), both built from one interval per
 * sample: Wilson's score interval, or Clopper-Pearson's exact interval when a sample has fewer than
 * {@value #EXACT_BELOW} events or fewer than {@value #EXACT_BELOW} non-events (small counts, where the score
 * interval's coverage dips). The p-value of "equal rates" is the score (chi-square) test's, or Fisher's exact test's
 * in the exact case. All of it matches R to 1e-9 ({@code core/assay-judge/src/test/r/proportions.R}).
 *
 * <p><b>Rule</b> (as {@link NonInferiorityJudge}): with direction {@link Direction#INCREASE} (more events is worse)
 * it passes when the interval's upper end is below the margin, fails when its lower end is above it, and is
 * inconclusive otherwise, with {@code minSampleSize} the trials per sample that would decide if the observed rates
 * persist, or -1 when none would (for example a ratio margin when neither sample has events). The margin is in
 * percentage points or a ratio ({@link ProportionMargin}); default 1 percentage point, confidence 0.98.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProportionJudge implements CanaryJudge {
  /** The rule name in verdicts. */
  public static final String RULE = "proportion";
  /** Below this many events (or non-events) in a sample, exact intervals and Fisher's test are used. */
  public static final int EXACT_BELOW = 5;

  private static final ProportionJudge DEFAULTS =
      new ProportionJudge(ProportionMargin.points(1), 0.98, Direction.INCREASE);

  private final ProportionMargin margin;
  private final double confidence;
  private final Direction direction;

  private ProportionJudge(ProportionMargin margin, double confidence, Direction direction) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    this.margin = margin;
    this.confidence = confidence;
    this.direction = direction;
  }

  /**
   * Margin 1 percentage point, confidence 0.98, direction {@link Direction#INCREASE}.
   *
   * @return the default judge
   */
  public static ProportionJudge withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another margin.
   *
   * @param value the margin
   * @return a new judge
   */
  public ProportionJudge withMargin(ProportionMargin value) {
    return new ProportionJudge(Objects.requireNonNull(value, "margin"), confidence, direction);
  }

  /**
   * Returns a copy with another two-sided confidence level.
   *
   * @param value in (0, 1); default 0.98
   * @return a new judge
   */
  public ProportionJudge withConfidence(double value) {
    return new ProportionJudge(margin, value, direction);
  }

  /**
   * Returns a copy with another direction: {@link Direction#DECREASE} for success rates.
   *
   * @param value which change is bad
   * @return a new judge
   */
  public ProportionJudge with(Direction value) {
    return new ProportionJudge(margin, confidence, Objects.requireNonNull(value, "direction"));
  }

  /**
   * The margin.
   *
   * @return the margin
   */
  public ProportionMargin margin() {
    return margin;
  }

  /**
   * Judges 0/1 flags, one per trial (1 = event). NaN values are dropped and counted in the reason; any other
   * value makes the verdict inconclusive, since the data are then not flags.
   *
   * @param canary the canary's flags
   * @param baseline the baseline's flags
   * @return the verdict
   */
  @Override
  public Verdict judge(double[] canary, double[] baseline) {
    long dropped = nanCount(Objects.requireNonNull(canary, "canary"))
        + nanCount(Objects.requireNonNull(baseline, "baseline"));
    EventCounts c;
    EventCounts b;
    try {
      c = EventCounts.ofFlags(withoutNan(canary));
      b = EventCounts.ofFlags(withoutNan(baseline));
    } catch (IllegalArgumentException e) {
      JudgeStatistics.Builder stats = JudgeStatistics.builder(RULE).confidence(confidence).valueCounts(dropped, 0)
          .minSampleSize(SampleSizes.NEVER);
      return inconclusive("the data are not 0/1 flags (" + e.getMessage() + "); give event and trial counts "
          + "instead: inconclusive", stats);
    }
    return judge(c, b, dropped, "0/1 flags");
  }

  /**
   * Judges event counts.
   *
   * @param canary the canary's events and trials
   * @param baseline the baseline's events and trials
   * @return the verdict
   */
  public Verdict judge(EventCounts canary, EventCounts baseline) {
    return judge(Objects.requireNonNull(canary, "canary"), Objects.requireNonNull(baseline, "baseline"), 0,
        "event counts");
  }

  /**
   * Judges event counts, naming the data shape and the dropped values in the reason.
   *
   * @param canary canary counts
   * @param baseline baseline counts
   * @param dropped values dropped before counting (NaN), for the reason
   * @param shape {@code "0/1 flags"} or {@code "event counts"}, for the reason
   * @return the verdict
   */
  Verdict judge(EventCounts canary, EventCounts baseline, long dropped, String shape) {
    JudgeStatistics.Builder stats = JudgeStatistics.builder(RULE)
        .samples(canary.trials(), baseline.trials(), canary.rate(), baseline.rate())
        .confidence(confidence)
        .valueCounts(dropped, 0);
    String counts = "canary " + describe(canary) + " vs baseline " + describe(baseline) + " (" + shape
        + droppedText(dropped) + ")";
    if (canary.trials() == 0 || baseline.trials() == 0) {
      String which = canary.trials() == 0 && baseline.trials() == 0 ? "neither sample has"
          : canary.trials() == 0 ? "the canary has no" : "the baseline has no";
      return inconclusive(counts + "; " + which + " trials: inconclusive", stats);
    }
    long x1 = canary.events();
    long n1 = canary.trials();
    long x2 = baseline.events();
    long n2 = baseline.trials();
    boolean exact = Math.min(Math.min(x1, n1 - x1), Math.min(x2, n2 - x2)) < EXACT_BELOW;
    double z = BinomialIntervals.z(confidence);
    double[] ci1 = exact ? BinomialIntervals.clopperPearson(x1, n1, confidence) : BinomialIntervals.wilson(x1, n1, z);
    double[] ci2 = exact ? BinomialIntervals.clopperPearson(x2, n2, confidence) : BinomialIntervals.wilson(x2, n2, z);
    double p1 = canary.rate();
    double p2 = baseline.rate();
    double[] diff = BinomialIntervals.difference(p1, ci1, p2, ci2);
    double[] ratio = BinomialIntervals.ratio(p1, ci1, p2, ci2);
    double estimate = margin.ratio() ? p1 / p2 : p1 - p2;
    double[] ci = margin.ratio() ? ratio : diff;
    String method = exact ? "newcombe-clopper-pearson" : "newcombe-wilson";
    stats.method(method)
        .test(exact ? BinomialIntervals.fisherP(x1, n1, x2, n2) : BinomialIntervals.scoreTestP(x1, n1, x2, n2),
            exact, margin.ratio() ? "ratio" : "difference", estimate, ci[0], ci[1])
        .relative(p1 / p2 - 1, ratio[0] - 1, ratio[1] - 1)
        .effectSize(p2 == 0 ? Double.NaN : p1 / p2, EffectSizeMeasure.MEAN_RATIO);
    String why = exact
        ? "exact Clopper-Pearson intervals per sample, as some count is below " + EXACT_BELOW
        : "Wilson score intervals per sample";
    String interval = counts + "; " + (margin.ratio()
        ? "rate ratio " + Formats.number(estimate) + ", " + Formats.level(confidence) + " CI ["
            + Formats.number(ci[0]) + ", " + Formats.number(ci[1]) + "] (MOVER-R from " + why + ")"
        : "difference " + points(estimate) + ", " + Formats.level(confidence) + " CI [" + points(ci[0]) + ", "
            + points(ci[1]) + "] (Newcombe's score interval from " + why + ")");
    Decision decision = Margins.decide(direction, ci[0], ci[1], lowerBound(), upperBound());
    String outcome = Margins.outcome(direction, decision, margin.ratio() ? lowerText() : "-" + marginText(),
        margin.ratio() ? Formats.number(margin.value()) + "x" : "+" + marginText());
    if (decision != Decision.INCONCLUSIVE) {
      stats.classification(decision.resultName());
      return new Verdict(decision, interval + " " + outcome + ": " + decision.resultName(), stats.build());
    }
    long needed = projectedTrials(canary, baseline, z);
    String more = needed == SampleSizes.NEVER
        ? "; no sample size would decide if these rates persist"
        : "; about " + needed + " trials per sample would decide if these rates persist";
    return inconclusive(interval + " " + outcome + ", not enough evidence" + more + ": inconclusive",
        stats.minSampleSize(needed));
  }

  private double upperBound() {
    return margin.bound();
  }

  private double lowerBound() {
    return margin.ratio() ? 1 / margin.value() : -margin.bound();
  }

  private String marginText() {
    return Formats.number(margin.value()) + " point" + (margin.value() == 1 ? "" : "s");
  }

  private String lowerText() {
    return "1/" + Formats.number(margin.value()) + "x";
  }

  /** Equal trials per sample at which the interval would clear the margin if these rates persist; NEVER if none. */
  private long projectedTrials(EventCounts canary, EventCounts baseline, double z) {
    // Agresti-Caffo adjusted rates keep the variance positive when a sample has no events
    double a1 = (canary.events() + 1.0) / (canary.trials() + 2.0);
    double a2 = (baseline.events() + 1.0) / (baseline.trials() + 2.0);
    double p1 = canary.rate();
    double p2 = baseline.rate();
    long current = Math.max(canary.trials(), baseline.trials());
    long up = trialsFor(p1, p2, a1, a2, upperBound(), z);
    long down = trialsFor(p1, p2, a1, a2, lowerBound(), z);
    long best;
    switch (direction) {
      case INCREASE:
        best = up;
        break;
      case DECREASE:
        best = down;
        break;
      default:
        boolean inside = margin.ratio() ? p1 < upperBound() * p2 && p1 > lowerBound() * p2
            : Math.abs(p1 - p2) < margin.bound();
        best = inside ? (up == SampleSizes.NEVER || down == SampleSizes.NEVER ? SampleSizes.NEVER
            : Math.max(up, down)) : smallest(up, down);
    }
    return best == SampleSizes.NEVER ? best : Math.max(best, current + 1);
  }

  /** Trials per sample for the contrast {@code p1 - r p2} (r = 1 and bound b for points) to clear zero. */
  private long trialsFor(double p1, double p2, double a1, double a2, double bound, double z) {
    double r = margin.ratio() ? bound : 1;
    double gap = margin.ratio() ? p1 - r * p2 : p1 - p2 - bound;
    if (gap == 0) {
      return SampleSizes.NEVER;
    }
    double variance = a1 * (1 - a1) + r * r * a2 * (1 - a2);
    double n = z * z * variance / (gap * gap);
    return n >= 1e12 ? 1_000_000_000_000L : (long) Math.ceil(n);
  }

  private static long smallest(long a, long b) {
    if (a == SampleSizes.NEVER) {
      return b;
    }
    return b == SampleSizes.NEVER ? a : Math.min(a, b);
  }

  private static String describe(EventCounts c) {
    return c.events() + " of " + c.trials() + (c.trials() == 0 ? "" : " (" + Formats.number(100 * c.rate()) + "%)");
  }

  static String droppedText(long dropped) {
    return dropped == 0 ? "" : "; " + dropped + " NaN value" + (dropped == 1 ? "" : "s") + " dropped as missing";
  }

  private static String points(double fraction) {
    return Formats.percent(fraction).replace("%", "") + " points";
  }

  private static long nanCount(double[] values) {
    long n = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  static double[] withoutNan(double[] values) {
    return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }

  static Verdict inconclusive(String reason, JudgeStatistics.Builder stats) {
    return new Verdict(Decision.INCONCLUSIVE, reason,
        stats.classification(Decision.INCONCLUSIVE.resultName()).build());
  }

  @Override
  public String toString() {
    return "ProportionJudge[margin=" + margin.describe() + ", confidence=" + confidence + ", direction="
        + direction.configName() + "]";
  }
}
