/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.benchmarks.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.assay.engine.Reconciler;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.prometheus.PrometheusMetricProvider;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One measurement end to end against a local HTTP server answering like Prometheus: the provider driven by the
 * engine's reconcile step (conditions included) against a bare OkHttp POST of the same query whose body is read
 * and discarded. Target: provider + engine within 1.2x of the bare call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms per call.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class MeasurementOverheadBenchmark {
  private static final String QUERY =
      "sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))";
  private static final byte[] BODY = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
      + "[{\"metric\":{},\"value\":[1700001800,\"0.047619047619047616\"]}]}}").getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.ofEpochSecond(1_700_001_800L);

  HttpServer server;
  OkHttpClient client;
  PrometheusMetricProvider provider;
  Reconciler reconciler;
  AnalysisRun run;
  String url;
  MeasurementContext context;

  /**
   * Starts the local server and the clients.
   *
   * @throws IOException when the server cannot bind
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/query", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, BODY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(BODY);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    url = base + "/api/v1/query";
    client = new OkHttpClient();
    provider = PrometheusMetricProvider.builder().httpClient(client).build();
    reconciler = Reconciler.builder().provider(provider).build();
    Metric metric = Metric.builder("error-rate").successCondition("result[0] < 0.05")
        .provider(ProviderSpec.of(PrometheusMetric.of(base, QUERY))).build();
    context = new MeasurementContext(new RunRef("bench", "ns", "uid"), metric,
        MetricResult.start(metric.name(), false, Map.of()), NOW, List.of());
    run = AnalysisRun.of(ObjectMeta.of("bench", "ns"),
        new AnalysisRunSpec(List.of(metric), List.of(), false, List.of(), List.of(), null));
  }

  /** Stops the server and the client's threads. */
  @TearDown(Level.Trial)
  public void tearDown() {
    provider.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.stop(0);
  }

  /**
   * The same query with OkHttp alone.
   *
   * @return the body length
   * @throws IOException on a transport failure
   */
  @Benchmark
  public int bareOkHttp() throws IOException {
    Request request = new Request.Builder().url(url)
        .post(new FormBody.Builder().add("query", QUERY).add("time", "1700001800").build()).build();
    try (Response response = client.newCall(request).execute()) {
      return response.body().bytes().length;
    }
  }

  /**
   * The provider alone (no engine): one instant query, converted.
   *
   * @return the provider result
   */
  @Benchmark
  public ProviderResult providerOnly() {
    return provider.run(context);
  }

  /**
   * One reconcile step of a new run: the provider measures, the engine judges the condition and updates status.
   *
   * @return the reconciled run
   */
  @Benchmark
  public AnalysisRun providerAndEngine() {
    return reconciler.reconcile(run, NOW).run();
  }
}
