/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real Prometheus server for integration tests: backfills OpenMetrics text into a fresh TSDB with
 * {@code promtool tsdb create-blocks-from openmetrics}, starts {@code /usr/bin/prometheus} on a free loopback port
 * with nothing to scrape, and waits for {@code /-/ready}. Query it at fixed {@code time=} values inside the
 * backfilled range for exact results. {@link #close()} stops the process (SIGTERM, then SIGKILL after 10 s).
 *
 * <p>When the binaries are missing the calling test is skipped (JUnit assumption) unless the system property
 * {@code assay.requireExternal} is {@code true} (CI), where it fails.
 */
public final class PrometheusServer implements AutoCloseable {
  /** The Prometheus binary (Debian package {@code prometheus}). */
  public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

  /** The promtool binary, from the same package. */
  public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final String baseUrl;
  private final Path log;

  private PrometheusServer(Process process, String baseUrl, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /**
   * Skips the calling test when the binaries are missing, or fails it when {@code assay.requireExternal=true}.
   */
  public static void assumeInstalled() {
    assumeInstalled(PROMETHEUS, PROMTOOL, Boolean.getBoolean("assay.requireExternal"));
  }

  static void assumeInstalled(Path prometheus, Path promtool, boolean required) {
    boolean present = Files.isExecutable(prometheus) && Files.isExecutable(promtool);
    if (!present && required) {
      fail(prometheus + " or " + promtool + " is missing and assay.requireExternal=true; install the Debian package "
          + "'prometheus' (apt-get install -y --no-install-recommends prometheus)");
    }
    assumeTrue(present, "skipped: no Prometheus binary at " + prometheus + " (install the Debian package "
        + "'prometheus' to run the real-server tests)");
  }

  /**
   * Backfills the data and starts a server over it.
   *
   * @param workDir an empty directory for the data, TSDB, config and logs (a JUnit {@code @TempDir})
   * @param openMetrics the backfill data in OpenMetrics text format (ending with {@code # EOF})
   * @return the running server
   * @throws Exception when backfilling or starting fails
   */
  public static PrometheusServer start(Path workDir, String openMetrics) throws Exception {
    assumeInstalled();
    Path data = workDir.resolve("data.om");
    Path tsdb = workDir.resolve("tsdb");
    Path config = workDir.resolve("prometheus.yml");
    Files.writeString(data, openMetrics, StandardCharsets.UTF_8);
    Process backfill = new ProcessBuilder(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics",
        data.toString(), tsdb.toString()).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("promtool.log").toFile()).start();
    try {
      assertThat(backfill.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    } finally {
      backfill.destroyForcibly();
    }
    assertThat(backfill.exitValue()).as("promtool exit code; log: %s", read(workDir.resolve("promtool.log")))
        .isZero();
    Files.writeString(config, "global:\n  scrape_interval: 15s\nscrape_configs: []\n");
    return launch(workDir, config, tsdb);
  }

  /**
   * Starts a server with an empty TSDB that scrapes one target, for end-to-end tests of an exporter. Prometheus
   * 2.42 applies new targets with a 5 s throttle, so the first sample arrives about 6 s after the start: poll a
   * query until it answers rather than sleeping.
   *
   * @param workDir an empty directory for the TSDB, config and logs (a JUnit {@code @TempDir})
   * @param target the {@code host:port} to scrape, for example {@code 127.0.0.1:41234}
   * @param metricsPath the path to scrape, for example {@code /metrics}
   * @param interval how often to scrape (at least 1 s)
   * @return the running server
   * @throws Exception when starting fails
   */
  public static PrometheusServer scraping(Path workDir, String target, String metricsPath, Duration interval)
      throws Exception {
    assumeInstalled();
    long seconds = Math.max(1, interval.toSeconds());
    Path config = workDir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: " + seconds + "s\n  evaluation_interval: " + seconds
        + "s\nscrape_configs:\n  - job_name: assay\n    scrape_interval: " + seconds + "s\n    scrape_timeout: "
        + seconds + "s\n    metrics_path: '" + metricsPath + "'\n    static_configs:\n      - targets: ['" + target
        + "']\n");
    return launch(workDir, config, workDir.resolve("tsdb"));
  }

  private static PrometheusServer launch(Path workDir, Path config, Path tsdb) throws Exception {
    int port = freePort();
    Path log = workDir.resolve("prometheus.log");
    Process process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + tsdb, "--web.listen-address=127.0.0.1:" + port,
        "--storage.tsdb.retention.time=100y", "--log.level=warn").redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
    try {
      server.awaitReady();
    } catch (Exception | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * The server's base URL, such as {@code http://127.0.0.1:40485}.
   *
   * @return the URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /** Polls {@code /-/ready} until 200, with {@link Process#waitFor} as the pause so an early exit is seen. */
  private void awaitReady() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
    try {
      long attempts = START_TIMEOUT.toMillis() / 50;
      for (long i = 0; i < attempts; i++) {
        try (Response r = client.newCall(new Request.Builder().url(baseUrl + "/-/ready").build()).execute()) {
          if (r.code() == 200) {
            return;
          }
        } catch (IOException notYetListening) {
          // expected until the listener is up
        }
        if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
          fail("prometheus exited with " + process.exitValue() + ": " + read(log));
        }
      }
      fail("prometheus was not ready within " + START_TIMEOUT + ": " + read(log));
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server and waits for it to exit. */
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
