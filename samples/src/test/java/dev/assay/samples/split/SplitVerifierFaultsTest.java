/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.split;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.plan.split.SplitCheck;
import dev.assay.plan.split.SplitClassifier;
import dev.assay.plan.split.SplitOutcome;
import dev.assay.plan.split.SplitVerdict;
import dev.assay.plan.split.SplitVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Split checks against misbehaving entry points: slow answers, a budget that runs out, huge and odd bodies. */
class SplitVerifierFaultsTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private final SplitVerifier verifier = SplitVerifier.create();

  private static URI url(String path) {
    return URI.create(wm.baseUrl() + path);
  }

  @Test
  void answersSlowerThanTheTimeoutCountAsFailed() {
    wm.stubFor(get("/slow").willReturn(aResponse().withFixedDelay(1500).withHeader("x-served-by", "v2")));

    SplitVerdict v = verifier.verifyNow(SplitCheck.builder(url("/slow"), SplitClassifier.header("x-served-by", "v2"))
        .requests(8).requestTimeout(Duration.ofMillis(200)).build(), 50);

    assertThat(v.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(v.failures()).containsExactly(Map.entry("timed out after 200ms", 8));
    assertThat(v.message()).endsWith("8 of 8 requests failed (at most 10% may): timed out after 200ms \u00d78");
  }

  @Test
  void theBudgetBoundsHowManyRequestsAreSent() {
    wm.stubFor(get("/budget").willReturn(aResponse().withFixedDelay(1500).withHeader("x-served-by", "v1")));

    SplitVerdict v = verifier.verifyNow(SplitCheck.builder(url("/budget"), SplitClassifier.header("x-served-by", "v2"))
        .requests(10_000).budget(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(100)).concurrency(4).build(),
        5);

    // Each request holds one of 4 slots until it times out (100 ms) or the budget (1 s) ends, so at most
    // 4 * (1 s / 100 ms + 1) = 44 are ever sent; the rest are never sent and count as failed.
    int notSent = v.failures().getOrDefault("not sent: the 1s budget ran out", 0);
    int sent = v.total() - notSent;
    assertThat(v.total()).isEqualTo(10_000);
    assertThat(sent).isBetween(1, 44);
    assertThat(v.canary() + v.stable()).isZero();
    assertThat(v.outcome()).isEqualTo(SplitOutcome.INCONCLUSIVE);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo("/budget")))).hasSizeLessThanOrEqualTo(44);
  }

  @Test
  void responsesWithoutTheValueAreCountedWithTheirStatus() {
    wm.stubFor(get("/gateway").willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
    wm.stubFor(get("/other").willReturn(aResponse().withStatus(200).withBody("{\"name\":\"checkout\"}")));

    SplitVerdict html = verifier.verifyNow(SplitCheck.builder(url("/gateway"), SplitClassifier.jsonPath(".version",
        "v2")).requests(5).build(), 5);
    SplitVerdict missing = verifier.verifyNow(SplitCheck.builder(url("/other"), SplitClassifier.jsonPath(".version",
        "v2")).requests(5).build(), 5);
    SplitVerdict noHeader = verifier.verifyNow(SplitCheck.builder(url("/other"), SplitClassifier.header(
        "x-served-by", "v2")).requests(5).build(), 5);

    assertThat(html.failures()).containsExactly(Map.entry("body is not JSON (HTTP 502)", 5));
    assertThat(missing.failures()).containsExactly(Map.entry("no .version in the body (HTTP 200)", 5));
    assertThat(noHeader.failures()).containsExactly(Map.entry("no x-served-by header (HTTP 200)", 5));
  }

  @Test
  void aTenMegabyteBodyIsCutAt64KibWithoutBeingReadWhole() throws Exception {
    int size = 10 * 1024 * 1024;
    List<Long> written = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/big", ex -> streamHugeBody(ex, "{\"version\":\"v2\",\"pad\":\"", size, written, done));
    server.createContext("/late", ex -> streamHugeBody(ex, "{\"pad\":\"", size, written, done));
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      SplitVerdict early = verifier.verifyNow(SplitCheck.builder(URI.create(base + "/big"),
          SplitClassifier.jsonPath(".version", "v2")).requests(2).concurrency(1)
          .requestTimeout(Duration.ofSeconds(60)).build(), 100);
      SplitVerdict late = verifier.verifyNow(SplitCheck.builder(URI.create(base + "/late"),
          SplitClassifier.jsonPath(".version", "v2")).requests(1).requestTimeout(Duration.ofSeconds(60)).build(),
          100);

      assertThat(early.canary()).isEqualTo(2);
      assertThat(early.outcome()).isEqualTo(SplitOutcome.CONSISTENT);
      assertThat(late.failures()).containsExactly(Map.entry("body cut at 64 KiB before .version (HTTP 200)", 1));
      // The client hung up after 64 KiB: the server could not write the rest (a bounded wait for its handlers).
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(written).hasSize(3).allSatisfy(n -> assertThat(n).isLessThan(size));
    } finally {
      server.stop(0);
    }
  }

  /** Writes {@code head}, then 'x' up to {@code size} bytes in 16 KiB chunks, recording how much got out. */
  private static void streamHugeBody(HttpExchange ex, String head, int size, List<Long> written, CountDownLatch done)
      throws IOException {
    long sent = 0;
    try {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, size);
      byte[] chunk = new byte[16 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      byte[] start = head.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(start, 0, chunk, 0, start.length);
      try (OutputStream out = ex.getResponseBody()) {
        while (sent < size) {
          int n = (int) Math.min(chunk.length, size - sent);
          out.write(chunk, 0, n);
          sent += n;
          Arrays.fill(chunk, 0, start.length, (byte) 'x');
        }
      }
    } catch (IOException e) {
      // the client closed the connection: expected
    } finally {
      written.add(sent);
      done.countDown();
    }
  }
}
