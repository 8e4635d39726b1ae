/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.assay.prometheus.internal.QueryResponse;
import dev.assay.prometheus.internal.QueryResponseReader;
import dev.assay.spi.ProviderResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * Converting a 10,000-series vector response: the provider's reader (values, Go-formatted display text, the
 * observed result) against a bare Jackson streaming parse of the same bytes that only parses each sample value.
 * Target: provider within 1.5x of the bare parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VectorConversionBenchmark {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  @Param("10000")
  int series;

  byte[] body;
  final QueryResponseReader reader = new QueryResponseReader();

  /** Builds the response body. */
  @Setup
  public void setUp() {
    body = VectorResponses.vector(series, 42);
  }

  /**
   * The provider's conversion.
   *
   * @return the observed result
   * @throws IOException never for this body
   */
  @Benchmark
  public ProviderResult provider() throws IOException {
    QueryResponse r = reader.read(new ByteArrayInputStream(body));
    return ProviderResult.observed(r.values(), r.display());
  }

  /**
   * A bare streaming parse: every token read, every sample string parsed as a double.
   *
   * @return the sum of the values
   * @throws IOException never for this body
   */
  @Benchmark
  public double bareJackson() throws IOException {
    double sum = 0;
    try (JsonParser p = JSON.createParser(new ByteArrayInputStream(body))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING && p.getParsingContext().inArray()) {
          sum += Double.parseDouble(p.getText());
        }
      }
    }
    return sum;
  }
}
