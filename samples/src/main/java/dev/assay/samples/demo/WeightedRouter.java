/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.plan.CanaryStep;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A weighted reverse proxy on 127.0.0.1: each request goes to the canary with the current weight (seeded draw). It
 * is the demo's {@link TrafficRouter} and manages header and mirror routes (docs/routes.md): a request matching a
 * header route goes to the canary (the demo plan's first step routes {@code x-canary: true} there, as testers do);
 * a share of the requests matching a mirror route is also copied to the canary in the background, its answer
 * discarded. Routes are tried in the order they were first set, the first matching one applies (as a mesh tries its
 * routes in {@code managedRoutes} order). Thread-safe.
 */
public final class WeightedRouter implements TrafficRouter, AutoCloseable {
  private final DemoService stable;
  private final DemoService canary;
  private final Random random;
  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpServer server;
  private final ExecutorService pool = Schedulers.workerPool("router", 8);
  private volatile int weight;
  /** Header and mirror routes by name, in the order first set; guarded by itself. */
  private final Map<String, CanaryStep> routes = new LinkedHashMap<>();
  /** Seeded draws of the mirror percentages, apart from the weight draws so that routes do not shift them. */
  private final Random mirrorDraws;
  private final Set<CompletableFuture<?>> mirrorsInFlight = ConcurrentHashMap.newKeySet();

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
    this.mirrorDraws = new Random(seed + 1);
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
    CanaryStep route = firstMatchingRoute(ex);
    if (route instanceof CanaryStep.SetMirrorRoute) {
      mirror(ex, (CanaryStep.SetMirrorRoute) route);
    }
    DemoService target = toCanary(route instanceof CanaryStep.SetHeaderRoute) ? canary : stable;
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
  public boolean supportsManagedRoutes() {
    return true;
  }

  @Override
  public void setHeaderRoute(CanaryStep.SetHeaderRoute route) {
    setRoute(route.name(), route.removes() ? null : route);
  }

  @Override
  public void setMirrorRoute(CanaryStep.SetMirrorRoute route) {
    setRoute(route.name(), route.removes() ? null : route);
  }

  @Override
  public void removeManagedRoutes() {
    synchronized (routes) {
      routes.clear();
    }
  }

  /**
   * The header and mirror routes set now, in the order they are tried.
   *
   * @return the routes by name, a copy
   */
  public Map<String, CanaryStep> routes() {
    synchronized (routes) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }
  }

  /**
   * Completes when every mirrored copy sent so far has been answered (answers are discarded), for tests and for a
   * clean shutdown.
   *
   * @return the future
   */
  public CompletableFuture<Void> mirrorsSettled() {
    return CompletableFuture.allOf(mirrorsInFlight.toArray(new CompletableFuture<?>[0]));
  }

  /** A name set again keeps its place in the order, as a mesh keeps a replaced route in its managedRoutes slot. */
  private void setRoute(String name, @Nullable CanaryStep route) {
    synchronized (routes) {
      if (route == null) {
        routes.remove(name);
      } else {
        routes.put(name, route);
      }
    }
  }

  private @Nullable CanaryStep firstMatchingRoute(HttpExchange ex) {
    Function<String, List<String>> headers = n -> ex.getRequestHeaders().getOrDefault(n, List.of());
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    synchronized (routes) {
      for (CanaryStep r : routes.values()) {
        if (r instanceof CanaryStep.SetHeaderRoute
            && ((CanaryStep.SetHeaderRoute) r).match().stream().anyMatch(m -> m.matches(headers))
            || r instanceof CanaryStep.SetMirrorRoute
            && ((CanaryStep.SetMirrorRoute) r).match().stream().anyMatch(m -> m.matches(method, path, headers))) {
          return r;
        }
      }
    }
    return null;
  }

  /** Sends a copy to the canary in the background when the route's percentage draw says so; the answer is dropped. */
  private void mirror(HttpExchange ex, CanaryStep.SetMirrorRoute route) {
    synchronized (mirrorDraws) {
      if (mirrorDraws.nextInt(100) >= route.percentage()) {
        return;
      }
    }
    HttpRequest copy = HttpRequest.newBuilder(URI.create(canary.url() + ex.getRequestURI()))
        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.noBody()).build();
    CompletableFuture<?> sent = client.sendAsync(copy, HttpResponse.BodyHandlers.discarding());
    mirrorsInFlight.add(sent);
    sent.whenComplete((r, e) -> mirrorsInFlight.remove(sent));
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
