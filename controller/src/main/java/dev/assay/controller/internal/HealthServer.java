/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The JDK HTTP server answering {@code /healthz} (liveness), {@code /readyz} (readiness) and any extra text
 * endpoints (such as {@code /metrics}): 200 with {@code ok} when the check passes, 503 otherwise. Bodies are a few
 * bytes; nothing secret is served. Thread-safe.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Starts a server.
   *
   * @param address where to listen
   * @param live the liveness check
   * @param ready the readiness check
   * @param extra further paths to text producers (content type {@code text/plain; version=0.0.4})
   * @throws IOException when the port cannot be bound
   */
  public HealthServer(InetSocketAddress address, BooleanSupplier live, BooleanSupplier ready,
      Map<String, Supplier<String>> extra) throws IOException {
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(ready, "ready");
    server = HttpServer.create(address, 0);
    server.createContext("/healthz", ex -> answer(ex, live.getAsBoolean()));
    server.createContext("/readyz", ex -> answer(ex, ready.getAsBoolean()));
    extra.forEach((path, body) -> server.createContext(path, ex -> send(ex, 200, body.get())));
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "assay-health");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
  }

  /**
   * The bound port (useful with port 0).
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange ex, boolean ok) throws IOException {
    send(ex, ok ? 200 : 503, ok ? "ok\n" : "not ok\n");
  }

  private static void send(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
