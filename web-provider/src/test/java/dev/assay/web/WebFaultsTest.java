/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assay.web.WebTestSupport.context;
import static dev.assay.web.WebTestSupport.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.spi.ProviderResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebFaultsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  private static String message(ProviderResult result) {
    assertThat(result).isInstanceOf(ProviderResult.Errored.class);
    return ((ProviderResult.Errored) result).message();
  }

  private static String run(WebMetricProvider provider, WebTestSupport.WebBuilder web) {
    try (provider) {
      return message(provider.run(context(web.build())));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 304, 400, 404, 500, 503})
  void statusOutside2xxIsAnErrorAndTheBodyIsIgnored(int status) {
    server.stubFor(get("/s").willReturn(aResponse().withStatus(status).withBody("{\"ok\":true}")));
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl() + "/s")))
        .isEqualTo("received non 2xx response code: " + status);
  }

  @Test
  void slowResponsePastTheDeadlineIsAnError() {
    server.stubFor(get("/slow").willReturn(okJson("1").withFixedDelay(3_000)));
    // Each clock read moves 700 ms, so a 1 s deadline leaves 300 ms of real time for the call.
    WebMetricProvider provider = WebMetricProvider.builder().clock(new WebTestSupport.SteppingClock(700)).build();
    assertThat(run(provider, web(server.baseUrl() + "/slow").timeoutSeconds(1)))
        .isEqualTo("Get \"" + server.baseUrl() + "/slow\": context deadline exceeded "
            + "(Client.Timeout exceeded while awaiting headers)");
  }

  @Test
  void bodyArrivingPastTheDeadlineIsAnError() {
    server.stubFor(get("/dribble").willReturn(okJson("{\"value\":\"" + "d".repeat(200) + "\"}")
        .withChunkedDribbleDelay(20, 3_000)));
    WebMetricProvider provider = WebMetricProvider.builder().clock(new WebTestSupport.SteppingClock(700)).build();
    assertThat(run(provider, web(server.baseUrl() + "/dribble").timeoutSeconds(1)))
        .isEqualTo("Received no bytes in response: context deadline exceeded "
            + "(Client.Timeout or context cancellation while reading body)");
  }

  @Test
  void redirect307KeepsMethodAndBody() {
    server.stubFor(post("/v1").willReturn(aResponse().withStatus(307).withHeader("Location", "/v2")));
    server.stubFor(post("/v2").withRequestBody(equalTo("payload")).willReturn(okJson("{\"ok\":true}")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult result = provider.run(context(web(server.baseUrl() + "/v1").method("POST").body("payload")
          .jsonPath("{.ok}").build()));
      assertThat(result).isEqualTo(ProviderResult.observed(true, "true"));
    }
  }

  @Test
  void connectionResetIsAnErrorNamingTheRequest() {
    server.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl() + "/reset")))
        .startsWith("Get \"" + server.baseUrl() + "/reset\": ");
  }

  @Test
  void emptyResponseIsEof() {
    server.stubFor(post("/eof").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl() + "/eof").method("POST")))
        .isEqualTo("Post \"" + server.baseUrl() + "/eof\": EOF");
  }

  @Test
  void garbageResponseIsAnError() {
    server.stubFor(get("/junk").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl() + "/junk")))
        .startsWith("Get \"" + server.baseUrl() + "/junk\": ");
  }

  @Test
  void connectionRefusedIsADialError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(run(WebMetricProvider.create(), web("http://127.0.0.1:" + port + "/x")))
        .isEqualTo("Get \"http://127.0.0.1:" + port + "/x\": dial tcp 127.0.0.1:" + port
            + ": connect: connection refused");
  }

  @Test
  void bodyOverTheBoundIsAnError() {
    server.stubFor(get("/big").willReturn(okJson("\"" + "x".repeat(5_000) + "\"")));
    WebMetricProvider provider = WebMetricProvider.builder().maxBodyBytes(1_024).build();
    assertThat(run(provider, web(server.baseUrl() + "/big")))
        .isEqualTo("response body exceeds the limit of 1024 bytes");
  }

  @Test
  void bodyOverTheBoundWithoutContentLengthIsAnError() {
    server.stubFor(get("/chunked").willReturn(aResponse().withStatus(200)
        .withHeader("Transfer-Encoding", "chunked").withBody("y".repeat(5_000))));
    WebMetricProvider provider = WebMetricProvider.builder().maxBodyBytes(1_024).build();
    assertThat(run(provider, web(server.baseUrl() + "/chunked")))
        .isEqualTo("response body exceeds the limit of 1024 bytes");
  }

  @Test
  void bodyAtTheBoundIsAccepted() {
    server.stubFor(get("/fits").willReturn(aResponse().withStatus(200).withBody("z".repeat(1_024))));
    try (WebMetricProvider provider = WebMetricProvider.builder().maxBodyBytes(1_024).build()) {
      ProviderResult result = provider.run(context(web(server.baseUrl() + "/fits").build()));
      assertThat(((ProviderResult.Observed) result).value()).isEqualTo("z".repeat(1_024));
    }
  }

  @Test
  void redirectsAreFollowed() {
    server.stubFor(get("/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/new")));
    server.stubFor(get("/new").willReturn(okJson("{\"moved\":true}")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult result = provider.run(context(web(server.baseUrl() + "/old").jsonPath("{.moved}").build()));
      assertThat(result).isEqualTo(ProviderResult.observed(true, "true"));
    }
  }

  @Test
  void postRedirectedWith303BecomesGet() {
    server.stubFor(post("/submit").willReturn(aResponse().withStatus(303).withHeader("Location", "/result")));
    server.stubFor(get("/result").willReturn(okJson("2")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult result = provider.run(context(web(server.baseUrl() + "/submit").method("POST").body("b")
          .build()));
      assertThat(result).isEqualTo(ProviderResult.observed(2.0, "2"));
    }
  }

  @Test
  void redirectLoopStopsAtTheLimit() {
    server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    WebMetricProvider provider = WebMetricProvider.builder().maxRedirects(3).build();
    assertThat(run(provider, web(server.baseUrl() + "/loop")))
        .isEqualTo("Get \"" + server.baseUrl() + "/loop\": stopped after 3 redirects");
    server.verify(3, getRequestedFor(urlEqualTo("/loop")));
  }

  @Test
  void headersAndCredentialsAreDroppedOnARedirectToAnotherHost() {
    String otherHost = "http://127.0.0.1:" + server.getPort();
    server.stubFor(get("/from").willReturn(aResponse().withStatus(307).withHeader("Location", otherHost + "/to")));
    server.stubFor(get("/to").willReturn(okJson("3")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      provider.run(context(web(server.baseUrl() + "/from").header("Authorization", "Bearer abc")
          .header("X-Other", "kept").build()));
    }
    server.verify(getRequestedFor(urlEqualTo("/from")).withHeader("Authorization", equalTo("Bearer abc")));
    // Go keeps X-Other; Assay sends no header of the metric to another host (docs/security.md, "Redirects").
    server.verify(getRequestedFor(urlEqualTo("/to")).withHeader("Authorization", absent())
        .withHeader("X-Other", absent()));
  }

  @Test
  void settingsErrorsComeBeforeAnyRequest() {
    assertThat(run(WebMetricProvider.create(), web("ftp://example.invalid/x")))
        .isEqualTo("Get \"ftp://example.invalid/x\": unsupported protocol scheme \"ftp\"");
    assertThat(run(WebMetricProvider.create(), web("")))
        .isEqualTo("Get \"\": unsupported protocol scheme \"\"");
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl()).method("BAD METHOD")))
        .isEqualTo("net/http: invalid method \"BAD METHOD\"");
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl() + "/h").header("X-Key", "line\nbreak")))
        .isEqualTo("Get \"" + server.baseUrl() + "/h\": net/http: invalid header field value for \"X-Key\"");
    assertThat(run(WebMetricProvider.create(), web(server.baseUrl() + "/h").header("Bad Name", "v")))
        .isEqualTo("Get \"" + server.baseUrl() + "/h\": net/http: invalid header field name \"Bad Name\"");
  }
}
