/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import dev.assay.time.Cancellable;
import dev.assay.time.Scheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a steady, seeded stream of requests through the router: every tick a burst of GETs to
 * {@code /api/v1/version}, a few of them (seeded) with {@code x-canary: true}, like testers pinning themselves to the
 * canary. Ticks come from a {@link Scheduler}, so nothing sleeps. Thread-safe.
 */
public final class TrafficGenerator implements AutoCloseable {
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI uri;
  private final Scheduler scheduler;
  private final Duration tick;
  private final int perTick;
  private final Random random;
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean stopped;
  private volatile Cancellable next = () -> false;

  /**
   * Creates a generator; {@link #start()} begins sending.
   *
   * @param routerUrl the router's base URL
   * @param scheduler ticks
   * @param tick time between bursts
   * @param perTick requests per burst
   * @param seed seed of the header draws
   */
  public TrafficGenerator(String routerUrl, Scheduler scheduler, Duration tick, int perTick, long seed) {
    this.uri = URI.create(routerUrl + "/api/v1/version");
    this.scheduler = scheduler;
    this.tick = tick;
    this.perTick = perTick;
    this.random = new Random(seed);
  }

  /** Starts sending. */
  public void start() {
    next = scheduler.schedule(this::burst, Duration.ZERO);
  }

  /**
   * Requests sent so far.
   *
   * @return the count
   */
  public long sent() {
    return sent.get();
  }

  private void burst() {
    if (stopped) {
      return;
    }
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    for (int i = 0; i < perTick; i++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
      if (random.nextInt(100) == 0) {
        b.header("x-canary", "true");
      }
      inFlight.add(client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding())
          .thenRun(sent::incrementAndGet));
    }
    // the next burst starts when this one is answered (failures included), so a slow machine sends less, not a pile
    CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]))
        .whenComplete((r, e) -> next = scheduler.schedule(this::burst, tick));
  }

  @Override
  public void close() {
    stopped = true;
    next.cancel();
  }
}
