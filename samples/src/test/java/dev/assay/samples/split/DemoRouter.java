/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.split;

import dev.assay.samples.demo.DemoService;
import dev.assay.samples.demo.WeightedRouter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.Random;

/**
 * The demo's stable (1.0.0) and canary (1.1.0) services behind the real {@link WeightedRouter}, for split checks over
 * HTTP. The router sends a request to the canary when {@code new Random(seed).nextInt(100) < weight} on its next
 * draw, one draw per request, so the number of canary responses among the first {@code n} requests is known in
 * advance ({@link #expectedCanary}) whatever order concurrent requests arrive in.
 */
final class DemoRouter implements AutoCloseable {
  static final String STABLE = "1.0.0";
  static final String CANARY = "1.1.0";

  final DemoService stable;
  final DemoService canary;
  final WeightedRouter router;
  private boolean stableStopped;

  DemoRouter(long seed) throws IOException {
    stable = DemoService.start(STABLE, "demo-stable-0", 0, 0, 1, Clock.systemUTC());
    canary = DemoService.start(CANARY, "demo-canary-0", 0, 0, 2, Clock.systemUTC());
    router = new WeightedRouter(stable, canary, seed);
  }

  /** Stops the stable service: the router's requests to it then fail. */
  void stopStable() {
    stable.close();
    stableStopped = true;
  }

  /** The entry point the checks send to. */
  URI versionUrl() {
    return URI.create(router.url() + "/api/v1/version");
  }

  /** How many of the router's first {@code n} draws go to the canary at {@code weight}. */
  static int expectedCanary(long seed, int weight, int n) {
    Random draws = new Random(seed);
    int canary = 0;
    for (int i = 0; i < n; i++) {
      canary += draws.nextInt(100) < weight ? 1 : 0;
    }
    return canary;
  }

  /** A loopback URL where nothing listens. */
  static URI deadUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/api/v1/version");
    }
  }

  @Override
  public void close() {
    router.close();
    canary.close();
    if (!stableStopped) {
      stable.close();
    }
  }
}
