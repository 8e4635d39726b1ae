/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * One version of the demo service on 127.0.0.1: {@code /api/v1/version} is the traffic endpoint; {@code /health},
 * {@code /metrics} (Prometheus text), {@code /api/v1/status} are for checks. Errors and latency come from a seeded
 * random source: each request's duration is drawn and recorded in the histogram, but the response is not held back
 * (so the demo stays fast and needs no sleeping threads). {@code /metrics} also plays kubelet and kube-state-metrics
 * for its one pod (memory, CPU, limits), so the full analysis has data without a cluster.
 *
 * <p>Thread-safe.
 */
public final class DemoService implements AutoCloseable {
  static final double[] BUCKETS = {0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  private final String version;
  private final String pod;
  private final double errorRate;
  private final double extraLatencySeconds;
  private final Random random;
  private final Clock clock;
  private final Instant started;
  private final HttpServer server;
  private long ok;
  private long errors;
  private final long[] bucketCounts = new long[BUCKETS.length];
  private double durationSum;

  /**
   * Starts the service on a free loopback port.
   *
   * @param version the version it reports, e.g. {@code 1.1.0}
   * @param pod the pod name its container metrics carry, e.g. {@code demo-canary1-0}
   * @param errorRate share of requests answered with 500, 0 to 1
   * @param extraLatencySeconds added to every request's simulated duration
   * @param seed seed of the random source
   * @param clock the clock for the CPU counter
   * @return the running service
   * @throws IOException when the port cannot be bound
   */
  public static DemoService start(String version, String pod, double errorRate, double extraLatencySeconds,
      long seed, Clock clock) throws IOException {
    return new DemoService(version, pod, errorRate, extraLatencySeconds, seed, clock);
  }

  private DemoService(String version, String pod, double errorRate, double extraLatencySeconds, long seed,
      Clock clock) throws IOException {
    this.version = version;
    this.pod = pod;
    this.errorRate = errorRate;
    this.extraLatencySeconds = extraLatencySeconds;
    this.random = new Random(seed);
    this.clock = clock;
    this.started = clock.instant();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/api/v1/version", this::version);
    server.createContext("/api/v1/status", ex -> send(ex, 200, "application/json",
        "{\"ready\":true,\"version\":\"" + version + "\"}"));
    server.createContext("/health", ex -> send(ex, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4", metrics()));
    server.start();
  }

  /**
   * The base URL, {@code http://127.0.0.1:<port>}.
   *
   * @return the URL
   */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The {@code host:port} Prometheus scrapes.
   *
   * @return the target
   */
  public String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The version it reports.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  private void version(HttpExchange ex) throws IOException {
    boolean failed;
    synchronized (this) {
      failed = random.nextDouble() < errorRate;
      double d = extraLatencySeconds + 0.01 + 0.06 * random.nextDouble();
      for (int i = 0; i < BUCKETS.length; i++) {
        if (d <= BUCKETS[i]) {
          bucketCounts[i]++;
        }
      }
      durationSum += d;
      if (failed) {
        errors++;
      } else {
        ok++;
      }
    }
    send(ex, failed ? 500 : 200, "application/json", "{\"version\":\"" + version + "\"}");
  }

  /**
   * The Prometheus text exposition of this service.
   *
   * @return the text
   */
  public synchronized String metrics() {
    StringBuilder b = new StringBuilder();
    b.append("# TYPE http_requests_total counter\n");
    b.append("http_requests_total{status=\"200\"} ").append(ok).append('\n');
    b.append("http_requests_total{status=\"500\"} ").append(errors).append('\n');
    b.append("# TYPE http_request_duration_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      b.append("http_request_duration_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ")
          .append(bucketCounts[i]).append('\n');
    }
    long total = ok + errors;
    b.append("http_request_duration_seconds_bucket{le=\"+Inf\"} ").append(total).append('\n');
    b.append("http_request_duration_seconds_sum ").append(String.format(Locale.ROOT, "%.6f", durationSum))
        .append('\n');
    b.append("http_request_duration_seconds_count ").append(total).append('\n');
    String c = "{pod=\"" + pod + "\",container=\"app\"";
    double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    b.append("# TYPE container_memory_working_set_bytes gauge\n");
    b.append("container_memory_working_set_bytes").append(c).append("} ").append(200L << 20).append('\n');
    b.append("# TYPE container_cpu_usage_seconds_total counter\n");
    b.append("container_cpu_usage_seconds_total").append(c).append("} ")
        .append(String.format(Locale.ROOT, "%.3f", 0.25 * seconds)).append('\n');
    b.append("# TYPE kube_pod_container_resource_limits gauge\n");
    b.append("kube_pod_container_resource_limits").append(c).append(",resource=\"memory\"} ").append(512L << 20)
        .append('\n');
    b.append("kube_pod_container_resource_limits").append(c).append(",resource=\"cpu\"} 1\n");
    return b.toString();
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
