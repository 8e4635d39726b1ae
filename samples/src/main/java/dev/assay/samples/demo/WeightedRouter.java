/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.plan.TrafficRouter;
import dev.assay.time.CloseableScheduler;
import dev.assay.time.Schedulers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * A weighted reverse proxy on 127.0.0.1: each request goes to the canary with the current weight (seeded draw), or
 * always when it carries {@code x-canary: true}. It is the demo's {@link TrafficRouter}. Thread-safe.
 */
public final class WeightedRouter implements TrafficRouter, AutoCloseable {
  private final DemoService stable;
  private final DemoService canary;
  private final Random random;
  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpServer server;
  private final ExecutorService pool = Schedulers.workerPool("router", 8);
  private volatile int weight;

  /**
   * Starts the router on a free loopback port with weight 0.
   *
   * @param stable the stable service
   * @param canary the canary service
   * @param seed seed of the routing draws
   * @throws IOException when the port cannot be bound
   */
  public WeightedRouter(DemoService stable, DemoService canary, long seed) throws IOException {
    this.stable = stable;
    this.canary = canary;
    this.random = new Random(seed);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::forward);
    server.setExecutor(pool);
    server.start();
  }

  @Override
  public void setWeight(int canaryPercent) {
    weight = canaryPercent;
  }

  /**
   * The current canary weight.
   *
   * @return 0 to 100
   */
  public int weight() {
    return weight;
  }

  /**
   * The router's base URL.
   *
   * @return the URL
   */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  boolean toCanary(boolean header) {
    if (header) {
      return true;
    }
    synchronized (random) {
      return random.nextInt(100) < weight;
    }
  }

  private void forward(HttpExchange ex) throws IOException {
    boolean header = "true".equalsIgnoreCase(ex.getRequestHeaders().getFirst("x-canary"));
    DemoService target = toCanary(header) ? canary : stable;
    int status;
    byte[] body;
    try {
      HttpResponse<byte[]> r = client.send(
          HttpRequest.newBuilder(URI.create(target.url() + ex.getRequestURI())).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      status = r.statusCode();
      body = r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 502;
      body = new byte[0];
    }
    ex.getResponseHeaders().set("x-served-by", target.version());
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
