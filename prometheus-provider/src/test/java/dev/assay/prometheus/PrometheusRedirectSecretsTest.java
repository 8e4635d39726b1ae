/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Header;
import dev.assay.model.PrometheusMetric;
import dev.assay.spi.ProviderResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19, finding 2: on a redirect to another host the Prometheus provider re-sends neither the query (the form
 * body) nor the metric's headers nor credentials.
 */
class PrometheusRedirectSecretsTest {
  @RegisterExtension
  static WireMockExtension origin = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  @RegisterExtension
  static WireMockExtension other = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private final PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null).build();

  @AfterEach
  void close() {
    provider.close();
  }

  private static PrometheusMetric metric() {
    return new PrometheusMetric("http://127.0.0.1:" + origin.getPort(), "up{token=\"s3cr3t-q\"}", null, false,
        List.of(new Header("X-Api-Key", "key-12345")), new Authentication(new BasicAuth("user", "pa55word"), null,
        null), null);
  }

  @Test
  void post307ToAnotherHost_isNotFollowed() {
    origin.stubFor(post(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withStatus(307)
        .withHeader("Location", "http://localhost:" + other.getPort() + "/api/v1/query")));

    ProviderResult r = provider.run(Contexts.of(metric()));

    assertThat(r).isInstanceOf(ProviderResult.Errored.class);
    assertThat(((ProviderResult.Errored) r).message()).contains("redirect to another host (localhost) not followed");
    other.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void getFallbackRedirectedToAnotherHost_carriesNoHeaderAndNoCredential() {
    origin.stubFor(post(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withStatus(405)));
    origin.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + other.getPort() + "/elsewhere")));
    other.stubFor(get(urlPathEqualTo("/elsewhere")).willReturn(aResponse().withHeader("Content-Type",
        "application/json").withBody(Responses.scalar("1"))));

    provider.run(Contexts.of(metric()));

    other.verify(getRequestedFor(urlPathEqualTo("/elsewhere")).withHeader("X-Api-Key", absent())
        .withHeader("Authorization", absent()));
  }
}
