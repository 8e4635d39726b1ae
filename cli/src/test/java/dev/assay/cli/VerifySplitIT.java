/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.cli.AssayJar.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay verify-split} end to end through the packaged jar, against a router double on loopback that sends
 * exactly every 20th request to the canary (5%), so every count is known in advance.
 */
class VerifySplitIT {
  @TempDir Path dir;
  private HttpServer router;
  private final AtomicInteger served = new AtomicInteger();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startRouter() throws IOException {
    router = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    router.createContext("/api/v1/version", this::answer);
    router.start();
  }

  @AfterEach
  void stopRouter() {
    router.stop(0);
  }

  private void answer(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      authorizations.add(auth);
    }
    String version = served.getAndIncrement() % 20 == 0 ? "v2" : "v1";
    byte[] body = ("{\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("x-served-by", version);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private String url() {
    return "http://127.0.0.1:" + router.getAddress().getPort() + "/api/v1/version";
  }

  @Test
  void consistentSplitExitsZeroWithTheVerdictLine() throws Exception {
    Result r = AssayJar.run(dir, "verify-split", "--url", url(), "--weight", "5", "--json-path", ".version",
        "--canary-value", "v2", "-H", "Authorization: Bearer t0p-s3cret-t0ken");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("canary 5 of 100 at 5% set: consistent (p = 1.0)\n")
        .contains("100 requests: canary 5, stable 95, failed 0 (alpha 0.001)")
        .doesNotContain("t0p-s3cret-t0ken");
    assertThat(served).hasValue(100);
    assertThat(authorizations).hasSize(100).containsOnly("Bearer t0p-s3cret-t0ken");
  }

  @Test
  void brokenSplitExitsOne() throws Exception {
    Result r = AssayJar.run(dir, "verify-split", "--url", url(), "--weight", "50", "--header", "x-served-by",
        "--canary-value", "v2");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).startsWith("canary 5 of 100 at 50% set: split broken (p < 0.001; ");
  }

  @Test
  void jsonOutputCarriesTheCounts() throws Exception {
    Result r = AssayJar.run(dir, "verify-split", "--url", url(), "--weight", "50", "--requests", "40",
        "--header", "x-served-by", "--canary-value", "v2", "--output", "json");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("outcome").asText()).isEqualTo("BROKEN");
    assertThat(root.get("canary").asInt()).isEqualTo(2);
    assertThat(root.get("stable").asInt()).isEqualTo(38);
    assertThat(root.get("total").asInt()).isEqualTo(40);
    assertThat(root.get("pValue").asDouble()).isLessThan(0.001);
  }

  @Test
  void deadRouterIsInconclusiveWithTheFailures() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Result r = AssayJar.run(dir, "verify-split", "--url", "http://127.0.0.1:" + port + "/", "--weight", "5",
        "--requests", "10", "--json-path", ".version", "--canary-value", "v2");

    assertThat(r.exit()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).startsWith("canary 0 of 0 at 5% set: inconclusive, 10 of 10 requests failed (at most 10% "
        + "may): connection refused \u00d710");
  }

  @Test
  void badInputIsOneLineAndExitFour() throws Exception {
    Result weight = AssayJar.run(dir, "verify-split", "--url", url(), "--weight", "101", "--header", "x-served-by",
        "--canary-value", "v2");
    assertThat(weight.exit()).as(weight.toString()).isEqualTo(4);
    assertThat(weight.err()).isEqualTo("assay: --weight 101: must be between 0 and 100\n");

    Result both = AssayJar.run(dir, "verify-split", "--url", url(), "--weight", "5", "--header", "x-served-by",
        "--json-path", ".version", "--canary-value", "v2");
    assertThat(both.exit()).as(both.toString()).isEqualTo(4);
    assertThat(both.err().lines()).hasSize(1);

    Result path = AssayJar.run(dir, "verify-split", "--url", url(), "--weight", "5", "--json-path", "version",
        "--canary-value", "v2");
    assertThat(path.exit()).as(path.toString()).isEqualTo(4);
    assertThat(path.err()).contains("JSON path 'version': expected '.' or '['");
    assertThat(served).hasValue(0);
  }
}
