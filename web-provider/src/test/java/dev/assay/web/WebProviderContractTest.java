/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.Metric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MetricProvider;
import dev.assay.testing.MetricProviderContract;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider contract for Web: the secret travels in a header and in the failing metric's URL query. */
class WebProviderContractTest extends MetricProviderContract {
  private static final String SECRET = "w3b s3c&r=t/+";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  @BeforeEach
  void stubs() {
    server.stubFor(get(urlPathEqualTo("/health")).willReturn(okJson("{\"ok\":true,\"ratio\":0.97}")));
    server.stubFor(get(urlPathEqualTo("/broken")).willReturn(aResponse().withStatus(500).withBody("no " + SECRET)));
  }

  @Override
  protected MetricProvider newProvider() {
    return WebMetricProvider.create();
  }

  @Override
  protected Metric workingMetric() {
    return metric("works", WebTestSupport.web(server.baseUrl() + "/health").jsonPath("{$.ratio}")
        .header("Authorization", "Bearer " + SECRET));
  }

  @Override
  protected Metric failingMetric() {
    String query = "?token=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
    return metric("fails", WebTestSupport.web(server.baseUrl() + "/broken" + query)
        .header("Authorization", "Bearer " + SECRET));
  }

  @Override
  protected List<String> secretValues() {
    return List.of(SECRET);
  }

  private static Metric metric(String name, WebTestSupport.WebBuilder web) {
    return Metric.builder(name).provider(ProviderSpec.of(web.build())).build();
  }
}
