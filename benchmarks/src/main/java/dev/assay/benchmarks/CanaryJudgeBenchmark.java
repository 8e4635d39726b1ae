/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import dev.assay.stats.KayentaJudge;
import dev.assay.stats.MannWhitney;
import dev.assay.stats.MannWhitneyResult;
import dev.assay.stats.NonInferiorityJudge;
import dev.assay.stats.Verdict;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to judge a canary against a baseline of 1,000 points each, against commons-math3's plain
 * {@code MannWhitneyUTest.mannWhitneyUTest} (p-value only: no ties correction, no interval) on the same data as the
 * in-run baseline. Run with
 * {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar CanaryJudge}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CanaryJudgeBenchmark {
  /** Points per sample. */
  @Param({"1000"})
  public int size;

  /** Whether values are rounded to 1 ms, which creates ties as real latency series have. */
  @Param({"false", "true"})
  public boolean ties;

  private double[] canary;
  private double[] baseline;
  private final NonInferiorityJudge nonInferiority = NonInferiorityJudge.withDefaults();
  private final KayentaJudge kayenta = KayentaJudge.withDefaults();
  private final MannWhitney test = MannWhitney.withDefaults().withConfLevel(0.98);
  private final MannWhitneyUTest commonsMath = new MannWhitneyUTest();

  /** Builds log-normal latencies around 150 ms (baseline) and 160 ms (canary) from a fixed seed. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(2026);
    baseline = latencies(random, 150);
    canary = latencies(random, 160);
  }

  private double[] latencies(SplittableRandom random, double median) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
      double v = median * Math.exp(0.3 * g);
      out[i] = ties ? Math.rint(v) : v;
    }
    return out;
  }

  /**
   * The default judge: logs, rank test, Hodges-Lehmann interval, decision and reason.
   *
   * @return the verdict
   */
  @Benchmark
  public Verdict nonInferiorityJudge() {
    return nonInferiority.judge(canary, baseline);
  }

  /**
   * The Kayenta-compatible judge.
   *
   * @return the verdict
   */
  @Benchmark
  public Verdict kayentaJudge() {
    return kayenta.judge(canary, baseline);
  }

  /**
   * The test alone: U, z, p, estimate and 98% interval.
   *
   * @return the result
   */
  @Benchmark
  public MannWhitneyResult mannWhitneyWithInterval() {
    return test.test(canary, baseline);
  }

  /**
   * In-run baseline: commons-math3's p-value on the same data.
   *
   * @return the p-value
   */
  @Benchmark
  public double commonsMathMannWhitneyUTest() {
    return commonsMath.mannWhitneyUTest(canary, baseline);
  }
}
