/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks;

import dev.assay.manifest.Manifest;
import dev.assay.manifest.Manifests;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Strict reading of a {@code kind: List} of n analysis templates (issue 19 finding 4: 16,000 items took 94 s when
 * the list expansion was quadratic). Linear reading shows as a time per item that does not grow with n: compare
 * {@code items=16000} with the {@code items=1000} baseline of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ManifestListBenchmark {
  @Param({"1000", "16000"})
  private int items;

  private String json;

  /** Builds the list once. */
  @Setup
  public void setUp() {
    StringBuilder out = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
    for (int i = 0; i < items; i++) {
      out.append(i == 0 ? "" : ",").append("{\"apiVersion\":\"argoproj.io/v1alpha1\",\"kind\":\"AnalysisTemplate\",")
          .append("\"metadata\":{\"name\":\"t").append(i).append("\"},\"spec\":{\"metrics\":[{\"name\":\"m\",")
          .append("\"interval\":\"1m\",\"count\":3,\"successCondition\":\"result[0] < 0.05\",\"provider\":")
          .append("{\"prometheus\":{\"address\":\"http://p:9090\",\"query\":\"sum(rate(x[5m]))\"}}}]}}");
    }
    json = out.append("]}").toString();
  }

  /**
   * Reads the whole list.
   *
   * @return the manifests
   */
  @Benchmark
  public List<Manifest> readList() {
    return Manifests.parse(json);
  }
}
