/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.Header;
import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MetricProvider;
import dev.assay.testing.MetricProviderContract;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider contract for Prometheus: the secret travels in a header and, for the failing metric, the query. */
class PrometheusProviderContractTest extends MetricProviderContract {
  private static final String SECRET = "pr0m s3c&r=t/+";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  @BeforeEach
  void stubs() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withBody(Responses.vector("0.95"))));
    wm.stubFor(post(urlPathEqualTo("/fail/api/v1/query")).willReturn(aResponse().withStatus(400)
        .withBody("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error near " + SECRET + "\"}")));
  }

  @Override
  protected MetricProvider newProvider() {
    return PrometheusMetricProvider.builder().environment(k -> null).build();
  }

  @Override
  protected Metric workingMetric() {
    return metric("works", wm.baseUrl(), "up");
  }

  @Override
  protected Metric failingMetric() {
    return metric("fails", wm.baseUrl() + "/fail", "up{token=\"" + SECRET + "\"}");
  }

  @Override
  protected List<String> secretValues() {
    return List.of(SECRET);
  }

  private static Metric metric(String name, String address, String query) {
    PrometheusMetric prometheus = new PrometheusMetric(address, query, null, false,
        List.of(new Header("X-Scope-Token", SECRET)), null, null);
    return Metric.builder(name).provider(ProviderSpec.of(prometheus)).build();
  }
}
