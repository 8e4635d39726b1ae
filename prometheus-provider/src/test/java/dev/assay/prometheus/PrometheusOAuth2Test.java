/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.OAuth2Config;
import dev.assay.model.PrometheusMetric;
import dev.assay.spi.ProviderResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrometheusOAuth2Test {
  private static final String SECRET = "cl1ent-s3cret";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private final PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null).build();

  @BeforeEach
  void prometheus() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("1"))));
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private PrometheusMetric metric(String tokenPath, List<String> scopes) {
    return new PrometheusMetric(wm.baseUrl(), "q", null, false, List.of(), new Authentication(
        new BasicAuth("user", "pw"), new OAuth2Config(wm.baseUrl() + tokenPath, "my-client", SECRET, scopes), null),
        null);
  }

  private static void tokenEndpoint(String body) {
    wm.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void run_clientCredentials_bearerTokenReplacesBasicAuth() {
    tokenEndpoint("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");

    ProviderResult r = provider.run(Contexts.of(metric("/token", List.of("read", "write"))));

    assertThat(r).isEqualTo(ProviderResult.observed(1.0, "1"));
    wm.verify(postRequestedFor(urlPathEqualTo("/token")).withFormParam("grant_type", equalTo("client_credentials"))
        .withFormParam("scope", equalTo("read write"))
        .withHeader("Authorization", equalTo(okhttp3.Credentials.basic("my-client", SECRET))));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/query")).withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  @Test
  void run_tokenCachedUntilShortlyBeforeExpiry() {
    tokenEndpoint("{\"access_token\":\"tok-1\",\"expires_in\":60}");
    PrometheusMetric m = metric("/token", List.of());

    provider.run(Contexts.of(Contexts.metric(m), Contexts.NOW, List.of()));
    provider.run(Contexts.of(Contexts.metric(m), Contexts.NOW.plusSeconds(49), List.of()));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));

    provider.run(Contexts.of(Contexts.metric(m), Contexts.NOW.plusSeconds(50), List.of()));
    wm.verify(2, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void run_serverWantsCredentialsInForm_secondStyleUsed() {
    wm.stubFor(post("/token").withHeader("Authorization", absent())
        .withRequestBody(containing("client_secret=" + SECRET))
        .willReturn(aResponse().withBody("{\"access_token\":\"tok-2\"}")));
    wm.stubFor(post("/token").withHeader("Authorization", containing("Basic")).willReturn(aResponse().withStatus(401)));

    ProviderResult r = provider.run(Contexts.of(metric("/token", List.of())));

    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/query")).withHeader("Authorization", equalTo("Bearer tok-2")));
  }

  @Test
  void run_tokenEndpointRejects_oauth2ErrorWithoutSecret() {
    wm.stubFor(post("/token").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid_client\",\"echo\":\"" + SECRET + "\"}")));

    ProviderResult r = provider.run(Contexts.of(metric("/token", List.of())));

    assertThat(r).isInstanceOf(ProviderResult.Errored.class);
    String message = ((ProviderResult.Errored) r).message();
    // Go's RetrieveError: an OAuth2 error code replaces the status line and body.
    assertThat(message).isEqualTo("Post \"" + wm.baseUrl() + "/api/v1/query\": oauth2: \"invalid_client\"");
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/query")));
  }

  @Test
  void run_tokenEndpointEchoesSecret_bodyShownRedacted() {
    wm.stubFor(post("/token").willReturn(aResponse().withStatus(401).withBody("bad client " + SECRET)));

    String message = ((ProviderResult.Errored) provider.run(Contexts.of(metric("/token", List.of())))).message();

    assertThat(message).isEqualTo("Post \"" + wm.baseUrl() + "/api/v1/query\": oauth2: cannot fetch token: "
        + "401 Unauthorized\nResponse: bad client *****").doesNotContain(SECRET);
  }

  @Test
  void run_tokenEndpointFaults_surfacedAsOauth2Errors() {
    wm.stubFor(post("/token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(((ProviderResult.Errored) provider.run(Contexts.of(metric("/token", List.of())))).message())
        .startsWith("Post \"" + wm.baseUrl() + "/api/v1/query\": Post \"" + wm.baseUrl() + "/token\": ");

    tokenEndpoint("{\"token_type\":\"Bearer\"}");
    assertThat(((ProviderResult.Errored) provider.run(Contexts.of(metric("/token", List.of())))).message())
        .endsWith(": oauth2: server response missing access_token");

    tokenEndpoint("<html>");
    assertThat(((ProviderResult.Errored) provider.run(Contexts.of(metric("/token", List.of())))).message())
        .contains(": oauth2: cannot parse json: ");
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/query")));
  }

  @Test
  void run_tokenWithoutExpiry_reusedIndefinitely() {
    tokenEndpoint("{\"access_token\":\"tok-1\"}");
    PrometheusMetric m = metric("/token", List.of());

    provider.run(Contexts.of(m));
    provider.run(Contexts.of(Contexts.metric(m), Instant.parse("2030-01-01T00:00:00Z"), List.of()));

    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void run_concurrentMeasurements_oneTokenRequest() throws Exception {
    tokenEndpoint("{\"access_token\":\"tok-1\",\"expires_in\":3600}");
    PrometheusMetric m = metric("/token", List.of());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<ProviderResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> provider.run(Contexts.of(m))));
      }
      for (java.util.concurrent.Future<ProviderResult> f : results) {
        assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ProviderResult.observed(1.0, "1"));
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
    wm.verify(16, postRequestedFor(urlPathEqualTo("/api/v1/query")).withHeader("Authorization",
        equalTo("Bearer tok-1")));
  }
}
