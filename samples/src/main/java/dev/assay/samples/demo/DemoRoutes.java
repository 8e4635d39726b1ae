/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.assay.plan.CanaryStep;
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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The demo router's managed routes (docs/routes.md): header and mirror routes by name, tried in the order first set
 * (a route set again keeps its place, as in a mesh's {@code managedRoutes} order); the first matching one applies.
 * Mirrored copies go out in the background with their own seeded draws, so that routes do not shift the weight
 * draws. Thread-safe.
 */
final class DemoRoutes {
  /** Guarded by itself. */
  private final Map<String, CanaryStep> routes = new LinkedHashMap<>();
  /** Guarded by itself. */
  private final Random mirrorDraws = new Random(7);
  private final Set<CompletableFuture<?>> mirrorsInFlight = ConcurrentHashMap.newKeySet();

  /** Sets a route, or removes the route of that name when {@code route} is null. */
  void set(String name, @Nullable CanaryStep route) {
    synchronized (routes) {
      if (route == null) {
        routes.remove(name);
      } else {
        routes.put(name, route);
      }
    }
  }

  void clear() {
    synchronized (routes) {
      routes.clear();
    }
  }

  Map<String, CanaryStep> snapshot() {
    synchronized (routes) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }
  }

  /** The first route a request matches, or null when it matches none. */
  @Nullable CanaryStep firstMatch(HttpExchange ex) {
    Function<String, List<String>> headers = n -> ex.getRequestHeaders().getOrDefault(n, List.of());
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    synchronized (routes) {
      for (CanaryStep r : routes.values()) {
        if (r instanceof CanaryStep.SetHeaderRoute
            && ((CanaryStep.SetHeaderRoute) r).match().stream().anyMatch(m -> m.matches(headers))) {
          return r;
        }
        if (r instanceof CanaryStep.SetMirrorRoute
            && ((CanaryStep.SetMirrorRoute) r).match().stream().anyMatch(m -> m.matches(method, path, headers))) {
          return r;
        }
      }
    }
    return null;
  }

  /** Sends a copy to the canary in the background when the route's percentage draw says so; the answer is dropped. */
  void mirror(HttpExchange ex, CanaryStep.SetMirrorRoute route, DemoService canary, HttpClient client) {
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

  /** Completes when every copy sent so far has been answered. */
  CompletableFuture<Void> settled() {
    return CompletableFuture.allOf(mirrorsInFlight.toArray(new CompletableFuture<?>[0]));
  }
}
