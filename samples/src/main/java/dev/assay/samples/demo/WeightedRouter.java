/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.plan.Revision;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * A weighted reverse proxy on 127.0.0.1: each request goes to the canary with the current weight (seeded draw), or
 * always when it carries {@code x-canary: true}. It is the demo's {@link TrafficRouter}. Thread-safe.
 */
public final class WeightedRouter implements TrafficRouter, AutoCloseable {
  private volatile DemoService stable;
  private volatile DemoService canary;
  private final Random random;
  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpServer server;
  private final ExecutorService pool = Schedulers.workerPool("router", 8);
  private volatile int weight;
  private final Map<String, DemoService> backends = new ConcurrentHashMap<>();

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
    serve(stable);
    serve(canary);
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
   * Adds a backend that {@link #setRevisions} can point at, found by its version (a revision's
   * {@link Revision#version()}); replaces one with the same version. The two services given to the constructor are
   * already added.
   *
   * @param service the service
   */
  public void serve(DemoService service) {
    backends.put(service.version(), service);
  }

  /**
   * Points stable and canary at the services whose version is each revision's version. Each request reads one of
   * the two, so it never sees half a switch.
   *
   * @param stableRevision the revision for stable traffic
   * @param canaryRevision the revision for canary traffic
   * @throws IllegalArgumentException naming the known versions when a revision's version has no service
   */
  @Override
  public synchronized void setRevisions(Revision stableRevision, Revision canaryRevision) {
    DemoService s = backend(stableRevision);
    DemoService c = backend(canaryRevision);
    stable = s;
    canary = c;
  }

  private DemoService backend(Revision revision) {
    DemoService service = backends.get(revision.version());
    if (service == null) {
      throw new IllegalArgumentException("no demo service runs version " + revision.version() + " ("
          + revision.describe() + "); versions served: " + new TreeSet<>(backends.keySet()));
    }
    return service;
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
