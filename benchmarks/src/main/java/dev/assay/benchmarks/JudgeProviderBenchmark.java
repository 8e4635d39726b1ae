/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import dev.assay.judge.JudgeMetricProvider;
import dev.assay.judge.JudgeSpec;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code assay/judge} measurement on two in-memory 1,000-point series: reading the judge block from the metric,
 * calling the series provider twice, converting the values, judging, and formatting the result, display and
 * metadata. The difference to {@link CanaryJudgeBenchmark} is the provider's overhead. Run with
 * {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar JudgeProvider}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JudgeProviderBenchmark {
  private MeasurementContext context;
  private JudgeMetricProvider judge;

  /** Builds log-normal latencies around 150 ms (baseline) and 160 ms (canary) from a fixed seed. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(2026);
    List<Double> stable = latencies(random, 150);
    List<Double> canary = latencies(random, 160);
    MetricProvider series = new MetricProvider() {
      @Override
      public String type() {
        return "prometheus";
      }

      @Override
      public ProviderResult run(MeasurementContext c) {
        boolean isCanary = c.metric().provider().prometheus().query().equals("canary");
        return ProviderResult.observed(isCanary ? canary : stable, "");
      }
    };
    judge = JudgeMetricProvider.delegatingTo(series);
    JudgeSpec spec = JudgeSpec.builder(ProviderSpec.of(PrometheusMetric.of("http://prometheus:9090", "canary")),
        ProviderSpec.of(PrometheusMetric.of("http://prometheus:9090", "stable"))).unit("ms").build();
    Metric metric = Metric.builder("latency").provider(spec.toProviderSpec()).build();
    context = new MeasurementContext(new RunRef("run", "ns", "uid"), metric,
        MetricResult.start("latency", false, Map.of()), Instant.parse("2026-03-01T12:00:00Z"), List.of());
  }

  private static List<Double> latencies(SplittableRandom random, double median) {
    List<Double> out = new ArrayList<>(1000);
    for (int i = 0; i < 1000; i++) {
      double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
      out.add(median * Math.exp(0.3 * g));
    }
    return out;
  }

  /**
   * One judge measurement.
   *
   * @return the provider result
   * @throws InterruptedException never here
   */
  @Benchmark
  public ProviderResult judgeMeasurement() throws InterruptedException {
    return judge.run(context);
  }
}
