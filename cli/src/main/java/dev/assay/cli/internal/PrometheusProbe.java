/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Checks that a Prometheus server answers before a backtest sends it hundreds of queries, so an unreachable server
 * is one clear line (exit 4) rather than a timeline of Errors. Any HTTP answer counts as reachable: authentication
 * problems show up in the measurements, with the provider's message.
 */
final class PrometheusProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private PrometheusProbe() {}

  static void check(String address) {
    URI uri;
    try {
      uri = URI.create(address.replaceAll("/+$", "") + "/api/v1/query?query=1");
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
    } catch (IllegalArgumentException e) {
      throw new CliException("Prometheus address " + address + " is not a URL (" + e.getMessage() + ")", e);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    try {
      client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new CliException("cannot reach Prometheus at " + address + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while checking Prometheus at " + address, e);
    }
  }
}
