/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.PrometheusMetric;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrometheusTlsAndClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
      .dynamicHttpsPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private static String httpBase() {
    return "http://127.0.0.1:" + wm.getPort();
  }

  private static PrometheusMetric https(boolean insecure) {
    return new PrometheusMetric("https://127.0.0.1:" + wm.getHttpsPort(), "q", null, insecure, List.of(), null, null);
  }

  @Test
  void run_selfSignedServer_failsVerifiedAndSucceedsInsecure() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("5"))));
    try (PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null).build()) {
      ProviderResult verified = provider.run(Contexts.of(https(false)));
      assertThat(verified).isInstanceOf(ProviderResult.Errored.class);
      assertThat(((ProviderResult.Errored) verified).message())
          .startsWith("Post \"https://127.0.0.1:" + wm.getHttpsPort() + "/api/v1/query\": ");

      assertThat(provider.run(Contexts.of(https(true)))).isEqualTo(ProviderResult.observed(5.0, "5"));
    }
  }

  @Test
  void close_givenClient_leftUsable() throws Exception {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("1"))));
    OkHttpClient shared = new OkHttpClient();
    try {
      PrometheusMetricProvider provider = PrometheusMetricProvider.builder().httpClient(shared).build();
      assertThat(provider.run(Contexts.of(PrometheusMetric.of(httpBase(), "q"))))
          .isInstanceOf(ProviderResult.Observed.class);
      provider.close();

      assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
      try (okhttp3.Response r = shared.newCall(new okhttp3.Request.Builder().url(httpBase() + "/api/v1/query")
          .post(okhttp3.RequestBody.create(new byte[0])).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void factory_discoveredByServiceLoader_appliesSettings() throws Exception {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("2"))));
    MetricProviderFactory factory = ServiceLoader.load(MetricProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.type().equals("prometheus")).findFirst().orElseThrow();

    try (var provider = factory.create(ProviderSettings.of(Map.of("address", httpBase(),
        "maxResponseBytes", "16")))) {
      ProviderResult r = provider.run(Contexts.of(PrometheusMetric.of("", "q")));

      assertThat(r).isEqualTo(ProviderResult.error("bad_response: response body larger than the limit of 16 bytes"));
    }
  }
}
