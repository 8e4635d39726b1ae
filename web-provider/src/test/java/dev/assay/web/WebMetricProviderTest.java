/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assay.web.WebTestSupport.context;
import static dev.assay.web.WebTestSupport.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.spi.ProviderResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebMetricProviderTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  private final WebMetricProvider provider = WebMetricProvider.create();

  @AfterEach
  void close() {
    provider.close();
  }

  private ProviderResult.Observed observe(WebTestSupport.WebBuilder web) {
    ProviderResult result = provider.run(context(web.build()));
    assertThat(result).isInstanceOf(ProviderResult.Observed.class);
    return (ProviderResult.Observed) result;
  }

  @Test
  void typeIsWeb() {
    assertThat(provider.type()).isEqualTo("web");
  }

  @Test
  void getPicksTheValueAtTheJsonPath() {
    server.stubFor(get("/health").willReturn(okJson("{\"data\":{\"ok\":true,\"ratio\":0.97}}")));
    ProviderResult.Observed ok = observe(web(server.baseUrl() + "/health").jsonPath("{$.data.ok}"));
    assertThat(ok.value()).isEqualTo(true);
    assertThat(ok.display()).isEqualTo("true");
    ProviderResult.Observed ratio = observe(web(server.baseUrl() + "/health").jsonPath("{$.data.ratio}"));
    assertThat(ratio.value()).isEqualTo(0.97);
    assertThat(ratio.display()).isEqualTo("0.97");
    server.verify(2, getRequestedFor(urlEqualTo("/health")));
  }

  @Test
  void emptyJsonPathMeansWholeDocumentWithSortedKeysInTheDisplay() {
    server.stubFor(get("/doc").willReturn(okJson("{\"b\":[1,2],\"a\":\"<x>\"}")));
    ProviderResult.Observed doc = observe(web(server.baseUrl() + "/doc"));
    assertThat(doc.display()).isEqualTo("{\"a\":\"\\u003cx\\u003e\",\"b\":[1,2]}");
    assertThat(doc.value()).isEqualTo(Map.of("b", List.of(1.0, 2.0), "a", "<x>"));
  }

  @Test
  void headersAreCanonicalAndTheLastDuplicateWins() {
    server.stubFor(get("/h").willReturn(okJson("1")));
    observe(web(server.baseUrl() + "/h").header("x-tenant-id", "first").header("X-TENANT-ID", "second")
        .header("Host", "ignored.example"));
    server.verify(getRequestedFor(urlEqualTo("/h")).withHeader("X-Tenant-Id", equalTo("second"))
        .withHeader("Host", equalTo("localhost:" + server.getPort())));
  }

  @Test
  void nonJsonBodyIsTheRawResultAndJsonPathIsIgnoredWithAWarning() {
    server.stubFor(get("/text").willReturn(aResponse().withStatus(200).withBody("OK")));
    ProviderResult.Observed plain = observe(web(server.baseUrl() + "/text"));
    assertThat(plain.value()).isEqualTo("OK");
    assertThat(plain.display()).isEqualTo("OK");
    assertThat(plain.metadata()).isEmpty();
    ProviderResult.Observed withPath = observe(web(server.baseUrl() + "/text").jsonPath("{$.status}"));
    assertThat(withPath.value()).isEqualTo("OK");
    assertThat(withPath.metadata().get(WebMetricProvider.WARNINGS)).contains("not JSON").contains("{$.status}");
  }

  @Test
  void jsonFollowedByGarbageIsNotJson() {
    server.stubFor(get("/trailing").willReturn(aResponse().withStatus(200).withBody("{\"a\":1} trailing")));
    ProviderResult.Observed raw = observe(web(server.baseUrl() + "/trailing"));
    assertThat(raw.value()).isEqualTo("{\"a\":1} trailing");
  }

  @Test
  void emptyBodyIsAnEmptyString() {
    server.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));
    ProviderResult.Observed empty = observe(web(server.baseUrl() + "/empty"));
    assertThat(empty.value()).isEqualTo("");
    assertThat(empty.display()).isEmpty();
  }

  @Test
  void postSendsTheBodyWithoutAddingAContentType() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    observe(web(server.baseUrl() + "/p").method("POST").body("some body"));
    server.verify(postRequestedFor(urlEqualTo("/p")).withRequestBody(equalTo("some body"))
        .withHeader("Content-Type", absent()));
  }

  @Test
  void jsonBodyForcesTheJsonContentType() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    observe(web(server.baseUrl() + "/j").method("PUT").header("Content-Type", "text/plain")
        .jsonBody(Map.of("key1", "value1", "n", 2)));
    server.verify(putRequestedFor(urlEqualTo("/j")).withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"key1\":\"value1\",\"n\":2}")));
  }

  @Test
  void postWithoutBodySendsAnEmptyOne() {
    server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    observe(web(server.baseUrl() + "/e").method("POST"));
    server.verify(postRequestedFor(urlEqualTo("/e")).withHeader("Content-Length", equalTo("0")));
  }

  @Test
  void bodyRulesAreCheckedBeforeAnyRequest() {
    ProviderResult both = provider.run(context(web(server.baseUrl()).method("POST").body("x")
        .jsonBody(Map.of("a", 1)).build()));
    assertThat(both).isEqualTo(ProviderResult.error(
        "use either Body or JSONBody; both cannot exists for WebMetric payload"));
    ProviderResult withGet = provider.run(context(web(server.baseUrl()).body("x").build()));
    assertThat(withGet).isEqualTo(ProviderResult.error(
        "Body/JSONBody can only be used with POST or PUT WebMetric Method types"));
    ProviderResult jsonWithGet = provider.run(context(web(server.baseUrl()).method("GET")
        .jsonBody(Map.of("a", 1)).build()));
    assertThat(jsonWithGet).isInstanceOf(ProviderResult.Errored.class);
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void jsonPathProblemsUseArgosMessages() {
    server.stubFor(get("/j").willReturn(okJson("{\"a\":[1]}")));
    assertThat(provider.run(context(web(server.baseUrl() + "/j").jsonPath("{$.a").build())))
        .isEqualTo(ProviderResult.error("unclosed action"));
    assertThat(provider.run(context(web(server.baseUrl() + "/j").jsonPath("{$.b}").build())))
        .isEqualTo(ProviderResult.error("Could not find JSONPath in body: b is not found"));
    assertThat(provider.run(context(web(server.baseUrl() + "/j").jsonPath("{$.a[3]}").build())))
        .isEqualTo(ProviderResult.error(
            "Could not find JSONPath in body: array index out of bounds: index 3, length 1"));
    assertThat(provider.run(context(web(server.baseUrl() + "/j").jsonPath("{$.a[1:1]}").build())))
        .isEqualTo(ProviderResult.error("result of web metric produced no value"));
  }

  @Test
  void textOutsideBracesIsLiteral() {
    server.stubFor(get("/j").willReturn(okJson("{\"a\":1}")));
    ProviderResult.Observed literal = observe(web(server.baseUrl() + "/j").jsonPath("$.a"));
    assertThat(literal.value()).isEqualTo("$.a");
    assertThat(literal.display()).isEqualTo("\"$.a\"");
  }

  @Test
  void largeIntegersBecomeDoublesAsInGo() {
    server.stubFor(get("/n").willReturn(okJson("{\"n\":9007199254740993}")));
    ProviderResult.Observed n = observe(web(server.baseUrl() + "/n").jsonPath("{$.n}"));
    assertThat(n.value()).isEqualTo(9007199254740992.0);
    server.stubFor(get("/inf").willReturn(okJson("{\"big\":1e400}")));
    ProviderResult.Observed inf = observe(web(server.baseUrl() + "/inf").jsonPath("{$.big}"));
    assertThat(inf.value()).as("out of float64 range: not JSON for Go, so the raw body").isEqualTo("{\"big\":1e400}");
  }
}
