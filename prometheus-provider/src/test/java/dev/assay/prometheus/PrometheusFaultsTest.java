/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.PrometheusMetric;
import dev.assay.spi.ProviderResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrometheusFaultsTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private final PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null)
      .maxResponseBytes(64 * 1024).build();

  @AfterEach
  void close() {
    provider.close();
  }

  private String url() {
    return wm.baseUrl() + "/api/v1/query";
  }

  private ProviderResult run() {
    return provider.run(Contexts.of(PrometheusMetric.of(wm.baseUrl(), "q")));
  }

  private ProviderResult run(long timeoutSeconds) {
    return provider.run(Contexts.of(new PrometheusMetric(wm.baseUrl(), "q", timeoutSeconds, false, List.of(), null,
        null)));
  }

  private static String message(ProviderResult r) {
    assertThat(r).isInstanceOf(ProviderResult.Errored.class);
    return ((ProviderResult.Errored) r).message();
  }

  @ParameterizedTest
  @CsvSource({
    "404, client_error: client error: 404", "401, client_error: client error: 401",
    "500, server_error: server error: 500", "503, server_error: server error: 503",
    "304, bad_response: bad response code 304"
  })
  void run_statusWithoutErrorBody_argoStatusMessage(int status, String expected) {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(status)));

    assertThat(message(run())).isEqualTo(expected);
  }

  @Test
  void run_serverErrorWithPrometheusErrorBody_statusMessageWins() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(503)
        .withBody(Responses.error("unavailable", "too many queries"))));

    assertThat(message(run())).isEqualTo("server_error: server error: 503");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "400|bad_data|invalid parameter \\\"query\\\": 1:1: parse error|bad_data: invalid parameter \"query\": 1:1: parse error",
    "422|execution|query processing would load too many samples|execution: query processing would load too many samples",
    "200|timeout|query timed out in expression evaluation|timeout: query timed out in expression evaluation"
  })
  void run_prometheusErrorBody_errorTypeAndText(int status, String type, String text, String expected) {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(status)
        .withBody(Responses.error(type, text))));

    assertThat(message(run())).isEqualTo(expected);
  }

  @Test
  void run_badRequestWithoutErrorBody_badResponse() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(400).withBody("not json")));
    assertThat(message(run())).startsWith("bad_response: ");

    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(400).withBody(Responses.scalar("1"))));
    assertThat(message(run())).isEqualTo("bad_response: inconsistent body for response code");
  }

  @Test
  void run_malformedOrTruncatedJson_badResponse() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody("{\"status\":\"success\",\"data\":{\"re")));
    assertThat(message(run())).isEqualTo("bad_response: unexpected end of JSON input");

    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody("{\"status\":success}")));
    assertThat(message(run())).startsWith("bad_response: Unrecognized token 'success'");

    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody("")));
    assertThat(message(run())).isEqualTo("bad_response: unexpected end of JSON input");

    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody("{\"status\":\"success\"}")));
    assertThat(message(run())).isEqualTo("unexpected end of JSON input");
  }

  @Test
  void run_truncatedTransfer_transportErrorNamingTheRequest() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThat(message(run())).startsWith("Post \"" + url() + "\": ");
  }

  @Test
  void run_connectionReset_transportError() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(message(run())).startsWith("Post \"" + url() + "\": ");

    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThat(message(run())).startsWith("Post \"" + url() + "\": ");
  }

  @Test
  void run_connectionRefused_transportError() {
    String closed = "http://127.0.0.1:1";
    ProviderResult r = provider.run(Contexts.of(PrometheusMetric.of(closed, "q")));

    assertThat(message(r)).startsWith("Post \"" + closed + "/api/v1/query\": ");
  }

  @Test
  void run_slowHeadersPastTimeout_contextDeadlineExceeded() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withFixedDelay(2500).withBody(Responses.scalar("1"))));

    assertThat(message(run(1))).isEqualTo("Post \"" + url() + "\": context deadline exceeded");
  }

  @Test
  void run_slowBodyPastTimeout_contextDeadlineExceeded() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.vector("1", "2", "3", "4"))
        .withChunkedDribbleDelay(20, 2500)));

    assertThat(message(run(1))).isEqualTo("Post \"" + url() + "\": context deadline exceeded");
  }

  @Test
  void run_zeroTimeout_failsAtOnceWithoutCall() {
    assertThat(message(run(0))).isEqualTo("Post \"" + url() + "\": context deadline exceeded");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void run_hugeResponse_errorInsteadOfBuffering() {
    String[] values = new String[5000];
    java.util.Arrays.fill(values, "0.5");
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.vector(values))));

    assertThat(message(run())).isEqualTo("bad_response: response body larger than the limit of 65536 bytes");
  }

  @Test
  void run_hugeChunkedResponse_errorWhileStreaming() {
    String[] values = new String[5000];
    java.util.Arrays.fill(values, "0.5");
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.vector(values))
        .withChunkedDribbleDelay(4, 1)));

    assertThat(message(run())).isEqualTo("bad_response: response body larger than the limit of 65536 bytes");
  }

  @Test
  void run_secretInErrorText_redacted() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(400)
        .withBody(Responses.error("bad_data", "parse error near token=s3cr3t"))));

    ProviderResult r = provider.run(Contexts.of(PrometheusMetric.of(wm.baseUrl(), "x{token=\"s3cr3t\"}"),
        List.of("s3cr3t")));

    assertThat(message(r)).isEqualTo("bad_data: parse error near token=*****");
  }

  @Test
  void run_secretInFallbackUrl_redacted() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(405)));
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/query"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ProviderResult r = provider.run(Contexts.of(PrometheusMetric.of(wm.baseUrl(), "s3cr3t"), List.of("s3cr3t")));

    assertThat(message(r)).startsWith("Get \"" + url() + "?query=*****&time=1700001800\": ")
        .doesNotContain("s3cr3t");
  }

  @Test
  void run_callerInterrupted_contextCanceled() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withFixedDelay(2500).withBody(Responses.scalar("1"))));

    Thread.currentThread().interrupt();
    try {
      assertThat(message(run(5))).isEqualTo("Post \"" + url() + "\": context canceled");
    } finally {
      Thread.interrupted();
    }
  }
}
