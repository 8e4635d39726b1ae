/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a {@link PrometheusMeterRegistry} on {@code GET /metrics} with the JDK's HTTP server, bound to 127.0.0.1
 * only (put a reverse proxy or a Kubernetes Service in front to expose it). One thread; a scrape is cheap. Close it to
 * stop serving.
 */
public final class MetricsEndpoint implements AutoCloseable {
  /** The Prometheus text format this endpoint writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving.
   *
   * @param registry the registry to scrape
   * @param port the port on 127.0.0.1; 0 picks a free one
   * @return the running endpoint
   * @throws IOException when the port cannot be bound
   */
  public static MetricsEndpoint start(PrometheusMeterRegistry registry, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/metrics", exchange -> serve(registry, exchange));
    server.start();
    return new MetricsEndpoint(server);
  }

  private static void serve(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * Where Prometheus finds the endpoint, as {@code host:port} for a scrape config's {@code targets}.
   *
   * @return for example {@code 127.0.0.1:41234}
   */
  public String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The full URL of the endpoint.
   *
   * @return for example {@code http://127.0.0.1:41234/metrics}
   */
  public String url() {
    return "http://" + target() + "/metrics";
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
