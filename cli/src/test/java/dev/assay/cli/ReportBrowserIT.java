/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.AssayJar.Result;
import dev.assay.prometheus.PrometheusServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real run, opened in headless Chromium: the DOM it builds is asserted (verdict, one chart per
 * metric, threshold and margin lines, both judge samples), a screenshot is taken, and a recording proxy proves that
 * the page makes no request (a page with a remote image, loaded the same way, does reach the proxy). Skipped
 * without chromium (or prometheus) unless {@code -Dassay.requireExternal=true}.
 */
class ReportBrowserIT {
  @TempDir Path dir;

  @Test
  void reportRendersInChromiumWithoutAnyRequest() throws Exception {
    Path chromium = External.require("chromium", "chromium");
    Path html;
    PrometheusServer server = PrometheusServer.start(Files.createDirectory(dir.resolve("prom")),
        new IncidentData(Instant.now()).openMetrics());
    try {
      Path template = AssayJar.resource("error-rate-quick.yaml", dir);
      Result run = AssayJar.run(dir, "run", template.toString(), "--prometheus", server.baseUrl(), "--arg",
          "interval=1s", "--output", "run.yaml");
      assertThat(run.exit()).as(run.toString()).isZero();
    } finally {
      server.close();
    }
    Result report = AssayJar.run(dir, "report", "run.yaml", "-o", "run.html");
    assertThat(report.exit()).as(report.toString()).isZero();
    html = dir.resolve("run.html");

    try (RecordingProxy proxy = new RecordingProxy()) {
      String dom = chromium(chromium, proxy, "--dump-dom", html.toUri().toString());
      assertThat(dom).contains("<span class=\"verdict-text\" id=\"verdict\">Successful</span>")
          .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
      assertThat(dom.split("<svg class=\"chart timeseries\"", -1)).as("one chart per metric").hasSize(3);
      assertThat(dom).contains("<line class=\"threshold threshold-pass\"")
          .contains("<line class=\"threshold threshold-fail\"")
          .contains("<line class=\"threshold margin\"")
          .contains("<svg class=\"chart boxes\"").contains("<svg class=\"chart ecdf\"")
          .contains("<svg class=\"chart interval-chart\"")
          .contains("data-metric=\"error-rate\" data-phase=\"Successful\"")
          .contains("data-metric=\"p99-vs-stable\" data-phase=\"Successful\"");
      assertThat(dom).doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
          .doesNotContainPattern("(?i)\\b(src|href)\\s*=\\s*\"\\s*(https?:)?//");

      Path png = dir.resolve("report.png");
      chromium(chromium, proxy, "--screenshot=" + png, "--window-size=1280,900", html.toUri().toString());
      byte[] bytes = Files.readAllBytes(png);
      assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
      assertThat(bytes.length).isGreaterThan(20_000);
      Files.copy(png, Path.of("target", "report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(proxy.requests()).as("requests the report made (the browser's own update and time checks "
          + "to Google hosts aside)").filteredOn(r -> !isBrowserHousekeeping(r)).isEmpty();

      // the detector works: a page with a remote image does go through the proxy
      Path remote = dir.resolve("remote.html");
      Files.writeString(remote, "<!DOCTYPE html><img src=\"http://assay-report-test.invalid/x.png\">");
      chromium(chromium, proxy, "--dump-dom", remote.toUri().toString());
      assertThat(proxy.requests()).anyMatch(r -> r.contains("assay-report-test.invalid"));
    }
  }

  /** Chromium's own background calls (component updates, network time, account checks), not the page's. */
  private static boolean isBrowserHousekeeping(String requestLine) {
    return requestLine.matches("^(GET|POST|CONNECT) (https?://)?([a-z0-9-]+\\.)*(google\\.com|googleapis\\.com|"
        + "gvt1\\.com)[:/].*");
  }

  private static String chromium(Path chromium, RecordingProxy proxy, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--no-first-run", "--disable-features=OptimizationHints,MediaRouter",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** An HTTP proxy that answers nothing and records the first line of every connection made to it. */
  private static final class RecordingProxy implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RecordingProxy() throws IOException {
      acceptor = new Thread(this::accept, "recording-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    List<String> requests() {
      return List.copyOf(requests);
    }

    private void accept() {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          s.setSoTimeout(5000);
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
          String first = in.readLine();
          requests.add(first == null ? "(connection without a request)" : first);
          s.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          // closed, or a client that went away: keep accepting until closed
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
