/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation of whole runs: 30 looks, each adding one minute of data, judged by every rule at every look
 * (as a metric with {@code count: 30} and {@code failureLimit: 0} does); a rule's run fails at its first failing
 * look. Fixed-horizon rules judge all data so far at 98%; the sequential rule uses its confidence sequence at 98%.
 *
 * <p>CI runs a bounded number of trials; {@code -Dassay.simulation.trials=1000} runs the full tables of
 * {@code docs/judge.md}. Tables are written to {@code target/judge-simulation.md}.
 */
class JudgeSimulationTest {
  private static final int LOOKS = 30;
  private static final int STEPS_PER_LOOK = 10;
  private static final int REQUESTS_PER_LOOK = 1000;
  private static final double ALPHA = 0.02;
  private static final int TRIALS = Integer.getInteger("assay.simulation.trials", 0);
  private static final StringBuilder TABLES = new StringBuilder();

  /** The rules compared, each judging a whole run look by look. */
  private enum Rule {
    DEFAULT_FIXED("default, fixed horizon"),
    DEFAULT_SEQUENTIAL("default, sequential"),
    KAYENTA("Kayenta (fixed horizon)");

    final String title;

    Rule(String title) {
      this.title = title;
    }
  }

  /** First failing look per rule (0 = never failed) over the trials of one scenario. */
  private static final class Outcomes {
    final Map<Rule, List<Integer>> firstFail = new LinkedHashMap<>();

    Outcomes() {
      for (Rule r : Rule.values()) {
        firstFail.put(r, new ArrayList<>());
      }
    }

    void add(Map<Rule, Integer> firstFailingLook) {
      for (Rule r : Rule.values()) {
        firstFail.get(r).add(firstFailingLook.getOrDefault(r, 0));
      }
    }

    double failRate(Rule r) {
      List<Integer> looks = firstFail.get(r);
      return looks.stream().filter(l -> l > 0).count() / (double) looks.size();
    }

    String medianLooks(Rule r) {
      int[] failed = firstFail.get(r).stream().filter(l -> l > 0).mapToInt(Integer::intValue).sorted().toArray();
      if (failed.length == 0) {
        return "-";
      }
      return failed.length % 2 == 1 ? Integer.toString(failed[failed.length / 2])
          : String.format(Locale.ROOT, "%.1f", (failed[failed.length / 2 - 1] + failed[failed.length / 2]) / 2.0);
    }
  }

  @Test
  void healthyCanaryOverThirtyLooksFailsAtMostAlphaOfRunsInSequentialMode() throws IOException {
    Outcomes latency = latencyRuns(trials(40), 1.0, 11);
    Outcomes latencyAtMargin = latencyAtMargin();
    Outcomes errors = errorRuns(trials(200), 0.01, 0.01, 12);
    Outcomes errorsAtMargin = errorRuns(trials(200), 0.02, 0.01, 16);
    table("Healthy canary, 30 looks: false-failure rate (runs with a failing look); \"at the margin\" is the worst "
            + "healthy case for the default rules (margin 20%, 1 point), where every failure is a false one",
        List.of("latency, identical (lognormal, 10 values per look)", "latency +20%, at the margin",
            "error rate 1% vs 1% (1,000 requests per look)", "error rate 2% vs 1%, at the margin"),
        List.of(latency, latencyAtMargin, errors, errorsAtMargin), false);

    assertThat(latency.failRate(Rule.DEFAULT_SEQUENTIAL)).isLessThanOrEqualTo(ALPHA);
    assertThat(errors.failRate(Rule.DEFAULT_SEQUENTIAL)).isLessThanOrEqualTo(ALPHA);
    assertThat(latencyAtMargin.failRate(Rule.DEFAULT_SEQUENTIAL)).isLessThanOrEqualTo(ALPHA);
    assertThat(errorsAtMargin.failRate(Rule.DEFAULT_SEQUENTIAL)).isLessThanOrEqualTo(ALPHA);
  }

  @Test
  void errorRateOfThreePercentAgainstOneIsDetected() throws IOException {
    Outcomes errors = errorRuns(trials(200), 0.03, 0.01, 13);
    table("Error rate 3% vs 1% at 1,000 requests per look: detection rate and median looks to detect",
        List.of("error rate 3% vs 1%"), List.of(errors), true);

    assertThat(errors.failRate(Rule.DEFAULT_SEQUENTIAL)).isGreaterThanOrEqualTo(0.95);
    assertThat(errors.failRate(Rule.DEFAULT_FIXED)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void slowerCanariesAreDetectedAndWeCountTheLooks() throws IOException {
    Outcomes plus20 = latencyAtMargin();
    Outcomes plus50 = latencyRuns(trials(40), 1.5, 15);
    table("Latency +20% and +50% (margin 20%): detection rate and median looks to detect",
        List.of("latency +20% (on the margin)", "latency +50%"), List.of(plus20, plus50), true);

    assertThat(plus50.failRate(Rule.DEFAULT_SEQUENTIAL)).isGreaterThanOrEqualTo(0.95);
    assertThat(plus50.failRate(Rule.DEFAULT_FIXED)).isGreaterThanOrEqualTo(0.95);
    // +20% is the margin itself, so failing it is the false failure the rule bounds: at most alpha over all 30
    // looks for the sequential mode, while 30 looks at the fixed-horizon interval exceed alpha / 2 (docs/judge.md)
    assertThat(plus20.failRate(Rule.DEFAULT_SEQUENTIAL)).isLessThanOrEqualTo(ALPHA);
  }

  private static Outcomes atMargin;

  /** Latency +20%: the detection table's first row and the false-failure table's worst case; simulated once. */
  private static synchronized Outcomes latencyAtMargin() {
    if (atMargin == null) {
      atMargin = latencyRuns(trials(40), 1.2, 14);
    }
    return atMargin;
  }

  private static int trials(int bounded) {
    return TRIALS > 0 ? TRIALS : bounded;
  }

  /** Per look, 10 latency points per side (one per scrape step), lognormal with sigma 0.3 around 150 ms. */
  private static Outcomes latencyRuns(int trials, double slowdown, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Outcomes out = new Outcomes();
    NonInferiorityJudge fixed = NonInferiorityJudge.withDefaults();
    KayentaJudge kayenta = KayentaJudge.of(KayentaJudgeConfig.builder().direction(Direction.INCREASE).build());
    SequentialJudge sequential = SequentialJudge.forValues();
    for (int trial = 0; trial < trials; trial++) {
      double[] canary = new double[0];
      double[] stable = new double[0];
      SequentialState state = sequential.start();
      Map<Rule, Integer> first = new LinkedHashMap<>();
      for (int look = 1; look <= LOOKS; look++) {
        double[] c = lognormal(random, STEPS_PER_LOOK, 150 * slowdown);
        double[] s = lognormal(random, STEPS_PER_LOOK, 150);
        canary = concat(canary, c);
        stable = concat(stable, s);
        SequentialLook seq = sequential.look(state, c, s);
        state = seq.state();
        double[] allC = canary;
        double[] allS = stable;
        look(first, look, seq.verdict(), () -> fixed.judge(allC, allS), () -> kayenta.judge(allC, allS));
      }
      out.add(first);
    }
    return out;
  }

  /**
   * Per look, 1,000 requests per side as 10 steps of 100: the proportion judges see the event counts, the Kayenta
   * rule the per-step error ratios (what a Prometheus range query of the ratio gives it).
   */
  private static Outcomes errorRuns(int trials, double canaryRate, double stableRate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Outcomes out = new Outcomes();
    ProportionJudge fixed = ProportionJudge.withDefaults();
    KayentaJudge kayenta = KayentaJudge.of(KayentaJudgeConfig.builder().direction(Direction.INCREASE).build());
    SequentialJudge sequential = SequentialJudge.forProportions();
    int perStep = REQUESTS_PER_LOOK / STEPS_PER_LOOK;
    for (int trial = 0; trial < trials; trial++) {
      EventCounts canary = EventCounts.NONE;
      EventCounts stable = EventCounts.NONE;
      double[] canaryRatios = new double[0];
      double[] stableRatios = new double[0];
      SequentialState state = sequential.start();
      Map<Rule, Integer> first = new LinkedHashMap<>();
      for (int look = 1; look <= LOOKS; look++) {
        double[] cr = new double[STEPS_PER_LOOK];
        double[] sr = new double[STEPS_PER_LOOK];
        long ce = 0;
        long se = 0;
        for (int step = 0; step < STEPS_PER_LOOK; step++) {
          long c = binomial(random, perStep, canaryRate);
          long s = binomial(random, perStep, stableRate);
          cr[step] = (double) c / perStep;
          sr[step] = (double) s / perStep;
          ce += c;
          se += s;
        }
        EventCounts c = new EventCounts(ce, REQUESTS_PER_LOOK);
        EventCounts s = new EventCounts(se, REQUESTS_PER_LOOK);
        canary = canary.plus(c);
        stable = stable.plus(s);
        canaryRatios = concat(canaryRatios, cr);
        stableRatios = concat(stableRatios, sr);
        SequentialLook seq = sequential.look(state, c, s);
        state = seq.state();
        EventCounts allC = canary;
        EventCounts allS = stable;
        double[] ratiosC = canaryRatios;
        double[] ratiosS = stableRatios;
        look(first, look, seq.verdict(), () -> fixed.judge(allC, allS), () -> kayenta.judge(ratiosC, ratiosS));
      }
      out.add(first);
    }
    return out;
  }

  /** Records a look of every rule that has not failed yet (a failed run stops judging). */
  private static void look(Map<Rule, Integer> first, int look, Verdict sequential, Supplier<Verdict> fixed,
      Supplier<Verdict> kayenta) {
    record(first, Rule.DEFAULT_SEQUENTIAL, look, sequential);
    if (!first.containsKey(Rule.DEFAULT_FIXED)) {
      record(first, Rule.DEFAULT_FIXED, look, fixed.get());
    }
    if (!first.containsKey(Rule.KAYENTA)) {
      record(first, Rule.KAYENTA, look, kayenta.get());
    }
  }

  private static void record(Map<Rule, Integer> first, Rule rule, int look, Verdict v) {
    if (v.decision() == Decision.FAIL) {
      first.putIfAbsent(rule, look);
    }
  }

  private static void table(String title, List<String> rows, List<Outcomes> outcomes, boolean looks)
      throws IOException {
    int trials = outcomes.get(0).firstFail.get(Rule.DEFAULT_FIXED).size();
    StringBuilder b = new StringBuilder("\n#### ").append(title).append(" (").append(trials)
        .append(" runs per row)\n\n| scenario |");
    for (Rule r : Rule.values()) {
      b.append(' ').append(r.title).append(" |");
    }
    b.append("\n|---|").append("---|".repeat(Rule.values().length)).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      b.append("| ").append(rows.get(i)).append(" |");
      for (Rule r : Rule.values()) {
        b.append(String.format(Locale.ROOT, " %.1f%%", 100 * outcomes.get(i).failRate(r)));
        if (looks) {
          b.append(", median look ").append(outcomes.get(i).medianLooks(r));
        }
        b.append(" |");
      }
      b.append('\n');
    }
    synchronized (TABLES) {
      TABLES.append(b);
      Path file = Path.of("target", "judge-simulation.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, TABLES.toString(), StandardCharsets.UTF_8);
    }
    System.out.println(b);
  }

  private static double[] lognormal(SplittableRandom r, int n, double median) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = median * Math.exp(0.3 * gaussian(r));
    }
    return out;
  }

  private static long binomial(SplittableRandom r, int n, double p) {
    long k = 0;
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
