/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import dev.assay.stats.internal.ConfidenceSequence;
import dev.assay.stats.internal.SampleSizes;
import java.util.Objects;

/**
 * A judge that may look after every batch of data of a run and still keeps its error rates: an always-valid
 * (anytime-valid) comparison in the spirit of Lindon, Sanden and Shirikian (KDD 2022, "Rapid Regression Detection in
 * Software Deployments through Sequential Testing"). A fixed-horizon judge at 98% that looks 30 times at a growing
 * sample of a healthy canary fails it far more often than 1% of the time; this one fails a canary that is within
 * the margin with probability at most {@code (1 - confidence) / 2} over all looks of the run together, and passes
 * one that is beyond it with at most the same probability.
 *
 * <p><b>Method.</b> Each look adds its new data to running moments ({@link SequentialState}). The effect is the
 * difference of the means, with standard error {@code SE = sqrt(s_c^2 / n_c + s_b^2 / n_b)}, and its
 * {@link dev.assay.stats.internal.ConfidenceSequence confidence sequence} is {@code effect +- SE x factor(t)}, the
 * normal-mixture boundary of Waudby-Smith et al. (2021), valid at all sample sizes at once; {@code t} is the
 * harmonic mean of the two sizes and the boundary is tightest at {@code plannedSize}.
 * <ul>
 *   <li><b>Values</b> ({@link #forValues()}): the means of log values, so the effect is the ratio of geometric means
 *       and the margin is relative (0.2 = 20%), as for {@link NonInferiorityJudge}. Values that are not positive
 *       and finite have no log and are left out (the reason counts them). Default planned size 100 per sample.
 *   <li><b>Proportions</b> ({@link #forProportions()}): 0/1 trials, the effect the rate difference (margin in
 *       points) or the contrast {@code p_c - r p_b} (ratio margin {@code r}); the standard error uses
 *       Agresti-Caffo rates {@code (x + 1) / (n + 2)} so that a sample without events still has one. Default
 *       planned size 10,000 trials per sample.
 * </ul>
 * Until each sample has {@value #MINIMUM} values (trials), the verdict is inconclusive. The normal approximation
 * makes the guarantee asymptotic; {@code docs/judge.md} shows the measured false-failure rates.
 *
 * <p>Immutable and thread-safe; the state travels with each look.
 */
public final class SequentialJudge {
  /** The rule name in verdicts. */
  public static final String RULE = "sequential";
  /** Values (trials) each sample needs before the judge decides. */
  public static final int MINIMUM = 10;

  private final boolean proportions;
  private final double margin;
  private final ProportionMargin proportionMargin;
  private final double confidence;
  private final Direction direction;
  private final double plannedSize;

  private SequentialJudge(boolean proportions, double margin, ProportionMargin proportionMargin, double confidence,
      Direction direction, double plannedSize) {
    if (!(margin > 0) || Double.isInfinite(margin) || (direction != Direction.INCREASE && margin >= 1)) {
      throw new IllegalArgumentException("margin must be > 0 and finite (< 1 unless direction is increase), but was "
          + margin);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), but was " + confidence);
    }
    if (proportions && proportionMargin.ratio() && direction == Direction.EITHER) {
      throw new IllegalArgumentException("a ratio margin needs direction increase or decrease in sequential mode");
    }
    if (!(plannedSize >= 1) || Double.isInfinite(plannedSize)) {
      throw new IllegalArgumentException("plannedSize must be >= 1, but was " + plannedSize);
    }
    this.proportions = proportions;
    this.margin = margin;
    this.proportionMargin = proportionMargin;
    this.confidence = confidence;
    this.direction = direction;
    this.plannedSize = plannedSize;
  }

  /**
   * For values such as latencies: margin 0.2, confidence 0.98, direction increase, planned size 100.
   *
   * @return the judge
   */
  public static SequentialJudge forValues() {
    return new SequentialJudge(false, 0.2, ProportionMargin.points(1), 0.98, Direction.INCREASE, 100);
  }

  /**
   * For event rates: margin 1 percentage point, confidence 0.98, direction increase, planned size 10,000.
   *
   * @return the judge
   */
  public static SequentialJudge forProportions() {
    return new SequentialJudge(true, 0.2, ProportionMargin.points(1), 0.98, Direction.INCREASE, 10_000);
  }

  /**
   * Returns a copy with another relative margin (values only).
   *
   * @param value the largest acceptable relative change, 0.2 = 20%
   * @return a new judge
   * @throws IllegalStateException for a proportions judge
   */
  public SequentialJudge withMargin(double value) {
    if (proportions) {
      throw new IllegalStateException("a proportions judge takes a ProportionMargin");
    }
    return new SequentialJudge(false, value, proportionMargin, confidence, direction, plannedSize);
  }

  /**
   * Returns a copy with another rate margin (proportions only).
   *
   * @param value the margin
   * @return a new judge
   * @throws IllegalStateException for a values judge
   */
  public SequentialJudge withMargin(ProportionMargin value) {
    if (!proportions) {
      throw new IllegalStateException("a values judge takes a relative margin");
    }
    return new SequentialJudge(true, margin, Objects.requireNonNull(value, "margin"), confidence, direction,
        plannedSize);
  }

  /**
   * Returns a copy with another confidence: the sequence's coverage over all looks together.
   *
   * @param value in (0, 1); default 0.98
   * @return a new judge
   */
  public SequentialJudge withConfidence(double value) {
    return new SequentialJudge(proportions, margin, proportionMargin, value, direction, plannedSize);
  }

  /**
   * Returns a copy with another direction.
   *
   * @param value which change is bad
   * @return a new judge
   */
  public SequentialJudge with(Direction value) {
    return new SequentialJudge(proportions, margin, proportionMargin, confidence,
        Objects.requireNonNull(value, "direction"), plannedSize);
  }

  /**
   * Returns a copy tuned to be tightest at another total size per sample (any size keeps the guarantee).
   *
   * @param value values (trials) per sample, {@code >= 1}
   * @return a new judge
   */
  public SequentialJudge withPlannedSize(double value) {
    return new SequentialJudge(proportions, margin, proportionMargin, confidence, direction, value);
  }

  /**
   * Whether this judge compares event rates.
   *
   * @return true for {@link #forProportions()}
   */
  public boolean proportions() {
    return proportions;
  }

  /**
   * The state before the first look of a run.
   *
   * @return an empty state on this judge's scale
   */
  public SequentialState start() {
    return SequentialState.start(proportions ? "proportion" : "log");
  }

  /**
   * Adds one look's new values (for a proportions judge: 0/1 flags) and judges all data so far.
   *
   * @param state the state after the previous look ({@link #start()} for the first)
   * @param canary the canary's new values; NaN is dropped as missing
   * @param baseline the baseline's new values
   * @return the verdict and the next state
   * @throws IllegalArgumentException when the state is on another scale, or flags are not 0/1
   */
  public SequentialLook look(SequentialState state, double[] canary, double[] baseline) {
    Objects.requireNonNull(canary, "canary");
    Objects.requireNonNull(baseline, "baseline");
    if (proportions) {
      double[] c = ProportionJudge.withoutNan(canary);
      double[] b = ProportionJudge.withoutNan(baseline);
      long dropped = canary.length - c.length + baseline.length - b.length;
      return look(state, RunningMoments.of(EventCounts.ofFlags(c)), RunningMoments.of(EventCounts.ofFlags(b)),
          dropped, dropped == 0 ? "" : ProportionJudge.droppedText(dropped));
    }
    long[] leftOut = new long[2];
    RunningMoments c = RunningMoments.of(logs(canary, leftOut));
    RunningMoments b = RunningMoments.of(logs(baseline, leftOut));
    String note = "";
    if (leftOut[0] > 0) {
      note += "; dropped " + leftOut[0] + " NaN value" + (leftOut[0] == 1 ? "" : "s") + " as missing data";
    }
    if (leftOut[1] > 0) {
      note += "; left out " + leftOut[1] + " value" + (leftOut[1] == 1 ? "" : "s")
          + " that are not positive and finite (the sequential test averages logs)";
    }
    return look(state, c, b, leftOut[0] + leftOut[1], note);
  }

  /**
   * Adds one look's new event counts and judges all counts so far (proportions judge only).
   *
   * @param state the state after the previous look
   * @param canary the canary's new events and trials
   * @param baseline the baseline's new events and trials
   * @return the verdict and the next state
   * @throws IllegalStateException for a values judge
   */
  public SequentialLook look(SequentialState state, EventCounts canary, EventCounts baseline) {
    if (!proportions) {
      throw new IllegalStateException("event counts need a proportions judge (SequentialJudge.forProportions())");
    }
    return look(state, RunningMoments.of(canary), RunningMoments.of(baseline), 0, "");
  }

  private SequentialLook look(SequentialState state, RunningMoments newC, RunningMoments newB, long dropped,
      String note) {
    Objects.requireNonNull(state, "state");
    if (!state.scale().equals(start().scale())) {
      throw new IllegalArgumentException("the state is on scale " + state.scale() + ", but this judge works on "
          + start().scale());
    }
    SequentialState next = new SequentialState(state.scale(), state.canary().plus(newC),
        state.baseline().plus(newB), state.looks() + 1);
    return new SequentialLook(judge(next, dropped, note), next);
  }

  private Verdict judge(SequentialState s, long dropped, String note) {
    RunningMoments c = s.canary();
    RunningMoments b = s.baseline();
    double alpha = 1 - confidence;
    JudgeStatistics.Builder stats = JudgeStatistics.builder(RULE)
        .samples(c.count(), b.count(), centre(c), centre(b))
        .confidence(confidence)
        .valueCounts(dropped, 0)
        .method("confidence-sequence");
    String head = "look " + s.looks() + ", all data so far: canary " + describe(c) + " vs baseline " + describe(b)
        + note;
    if (c.count() < MINIMUM || b.count() < MINIMUM) {
      return ProportionJudge.inconclusive(head + "; the sequential test needs at least " + MINIMUM + " per sample: inconclusive",
          stats.minSampleSize(MINIMUM));
    }
    double t = 2.0 / (1.0 / c.count() + 1.0 / b.count());
    double factor = ConfidenceSequence.factor(t, alpha, plannedSize);
    Contrast contrast = contrast(c, b);
    double low = contrast.estimate - factor * contrast.se;
    double high = contrast.estimate + factor * contrast.se;
    Decision decision = Margins.decide(direction, low, high, contrast.lowerMargin, contrast.upperMargin);
    if (!proportions) {
      stats.test(Double.NaN, false, "log", contrast.estimate, low, high)
          .relative(Math.expm1(contrast.estimate), Math.expm1(low), Math.expm1(high));
    } else {
      double ratio = c.mean() / b.mean();
      stats.test(Double.NaN, false, proportionMargin.ratio() ? "ratio-contrast" : "difference", contrast.estimate,
          low, high).relative(ratio - 1, Double.NaN, Double.NaN);
    }
    String level = Formats.level(confidence) + " confidence sequence";
    String interval = head + "; " + contrast.name + " " + contrast.format(contrast.estimate) + ", " + level + " ["
        + contrast.format(low) + ", " + contrast.format(high) + "] ";
    String outcome = Margins.outcome(direction, decision, contrast.lowerText, contrast.upperText);
    if (decision != Decision.INCONCLUSIVE) {
      stats.classification(decision.resultName());
      return new Verdict(decision, interval + outcome + " (valid at every look): " + decision.resultName(),
          stats.build());
    }
    long needed = projectedSize(contrast, t, alpha);
    String more = needed == SampleSizes.NEVER ? "; no sample size would decide if this estimate persists"
        : "; about " + needed + " per sample would decide if it persists";
    return ProportionJudge.inconclusive(interval + outcome + ", not enough evidence yet" + more + ": inconclusive",
        stats.minSampleSize(needed));
  }

  private long projectedSize(Contrast k, double t, double alpha) {
    double sd = k.se * Math.sqrt(t);
    double toUpper = Math.abs(k.estimate - k.upperMargin);
    double toLower = Math.abs(k.estimate - k.lowerMargin);
    // either direction: passing needs both margins cleared and failing the nearer one, so the nearer one binds
    double gap = direction == Direction.INCREASE ? toUpper
        : direction == Direction.DECREASE ? toLower : Math.min(toUpper, toLower);
    if (!(gap > 0) || !(sd > 0)) {
      return SampleSizes.NEVER;
    }
    return Math.max(ConfidenceSequence.sizeToClear(sd, gap, alpha, plannedSize), (long) Math.ceil(t) + 1);
  }

  /** The effect on the test's scale, its standard error, and the margins on that scale. */
  private static final class Contrast {
    final String name;
    final double estimate;
    final double se;
    final double lowerMargin;
    final double upperMargin;
    final String lowerText;
    final String upperText;
    final boolean percent;

    Contrast(String name, double estimate, double se, double lowerMargin, double upperMargin, String lowerText,
        String upperText, boolean percent) {
      this.name = name;
      this.estimate = estimate;
      this.se = se;
      this.lowerMargin = lowerMargin;
      this.upperMargin = upperMargin;
      this.lowerText = lowerText;
      this.upperText = upperText;
      this.percent = percent;
    }

    String format(double v) {
      return percent ? Formats.percent(Math.expm1(v)) : Formats.percent(v).replace("%", "") + " points";
    }
  }

  private Contrast contrast(RunningMoments c, RunningMoments b) {
    if (!proportions) {
      double se = Math.sqrt(c.variance() / c.count() + b.variance() / b.count());
      String m = Formats.percent(margin).substring(1);
      return new Contrast("shift of the geometric mean", c.mean() - b.mean(), se,
          Math.log1p(-Math.min(margin, 0.999_999)), Math.log1p(margin), "-" + m, "+" + m, true);
    }
    double a1 = adjusted(c);
    double a2 = adjusted(b);
    double v1 = a1 * (1 - a1) / c.count();
    double v2 = a2 * (1 - a2) / b.count();
    if (!proportionMargin.ratio()) {
      String m = Formats.number(proportionMargin.value()) + " points";
      return new Contrast("rate difference", c.mean() - b.mean(), Math.sqrt(v1 + v2), -proportionMargin.bound(),
          proportionMargin.bound(), "-" + m, "+" + m, false);
    }
    // a ratio margin r is the contrast p_c - r p_b against 0 (the lower margin 1/r needs its own contrast)
    double r = direction == Direction.DECREASE ? 1 / proportionMargin.value() : proportionMargin.value();
    String name = "canary rate - " + Formats.number(r) + " x baseline rate";
    double estimate = c.mean() - r * b.mean();
    double se = Math.sqrt(v1 + r * r * v2);
    return new Contrast(name, estimate, se, 0, 0, "0", "0", false);
  }

  private static double adjusted(RunningMoments m) {
    double events = Math.rint(m.mean() * m.count());
    return (events + 1) / (m.count() + 2.0);
  }

  private double centre(RunningMoments m) {
    if (m.count() == 0) {
      return Double.NaN;
    }
    return proportions ? m.mean() : Math.exp(m.mean());
  }

  private String describe(RunningMoments m) {
    if (proportions) {
      long events = Math.round(m.mean() * m.count());
      return events + " of " + m.count() + (m.count() == 0 ? "" : " (" + Formats.number(100 * m.mean()) + "%)");
    }
    return m.count() + " values" + (m.count() == 0 ? "" : ", geometric mean " + Formats.number(Math.exp(m.mean())));
  }

  private static double[] logs(double[] values, long[] leftOut) {
    double[] out = new double[values.length];
    int k = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        leftOut[0]++;
      } else if (v > 0 && Double.isFinite(v)) {
        out[k++] = Math.log(v);
      } else {
        leftOut[1]++;
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }

  @Override
  public String toString() {
    return "SequentialJudge[" + (proportions ? "proportions, margin=" + proportionMargin.describe()
        : "values, margin=" + margin) + ", confidence=" + confidence + ", direction=" + direction.configName()
        + ", plannedSize=" + plannedSize + "]";
  }
}
