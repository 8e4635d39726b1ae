/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import dev.assay.time.Scheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real {@code prometheus} process on 127.0.0.1 scraping targets every second, each with fixed labels (service,
 * namespace and pod-template hash, as Kubernetes service discovery would add them). Stopped by its own PID.
 */
public final class PrometheusProcess implements AutoCloseable {
  private final Process process;
  private final String url;
  private final HttpClient client = HttpClient.newHttpClient();

  private PrometheusProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * The {@code prometheus} binary: {@code /usr/bin/prometheus}, or the first one on {@code PATH}.
   *
   * @return the binary, or empty when none is installed
   */
  public static Optional<Path> find() {
    Path usr = Path.of("/usr/bin/prometheus");
    if (Files.isExecutable(usr)) {
      return Optional.of(usr);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, "prometheus");
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts Prometheus and waits until it is ready.
   *
   * @param binary the prometheus binary
   * @param workDir a directory for its config, TSDB and log
   * @param targets scrape target ({@code host:port}) to its labels
   * @param scheduler polls readiness
   * @return the running process
   * @throws Exception when it does not start within 30 s
   */
  public static PrometheusProcess start(Path binary, Path workDir, Map<String, Map<String, String>> targets,
      Scheduler scheduler) throws Exception {
    StringBuilder cfg = new StringBuilder("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        + "scrape_configs:\n- job_name: demo\n  scrape_interval: 1s\n  scrape_timeout: 900ms\n  static_configs:\n");
    for (Map.Entry<String, Map<String, String>> t : targets.entrySet()) {
      cfg.append("  - targets: ['").append(t.getKey()).append("']\n    labels: {");
      String sep = "";
      for (Map.Entry<String, String> l : t.getValue().entrySet()) {
        cfg.append(sep).append(l.getKey()).append(": '").append(l.getValue()).append('\'');
        sep = ", ";
      }
      cfg.append("}\n");
    }
    Path config = workDir.resolve("prometheus.yml");
    Files.writeString(config, cfg);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + workDir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn").redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile())
        .start();
    PrometheusProcess prom = new PrometheusProcess(p, "http://127.0.0.1:" + port);
    try {
      prom.await(scheduler, () -> prom.get("/-/ready").isPresent(), Duration.ofSeconds(30));
    } catch (Exception e) {
      prom.close();
      throw new IOException("prometheus did not become ready; see " + workDir.resolve("prometheus.log"), e);
    }
    return prom;
  }

  /**
   * The base URL.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * Waits until every target has been scraped at least twice (so that {@code rate()} has data).
   *
   * @param scheduler polls
   * @param targets how many targets
   * @param timeout the longest to wait
   * @throws Exception on timeout
   */
  public void awaitScrapes(Scheduler scheduler, int targets, Duration timeout) throws Exception {
    String q = URLEncoder.encode("count(count_over_time(up[1m]) >= 2)", StandardCharsets.UTF_8);
    await(scheduler, () -> get("/api/v1/query?query=" + q).map(b -> b.contains("\"" + targets + "\"]"))
        .orElse(false), timeout);
  }

  private void await(Scheduler scheduler, BooleanSupplier ready, Duration timeout) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable[] poll = new Runnable[1];
    poll[0] = () -> {
      if (done.isDone()) {
        return;
      }
      if (!process.isAlive()) {
        done.completeExceptionally(new IOException("prometheus exited with " + process.exitValue()));
      } else if (ready.getAsBoolean()) {
        done.complete(null);
      } else {
        scheduler.schedule(poll[0], Duration.ofMillis(100));
      }
    };
    scheduler.schedule(poll[0], Duration.ZERO);
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      done.cancel(false);
    }
  }

  private Optional<String> get(String path) {
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + path))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
