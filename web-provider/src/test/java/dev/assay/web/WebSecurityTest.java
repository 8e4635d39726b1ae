/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assay.web.WebTestSupport.context;
import static dev.assay.web.WebTestSupport.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebSecurityTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  private static String http() {
    return server.getRuntimeInfo().getHttpBaseUrl();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String errorOf(WebMetricProvider provider, MeasurementContext context) {
    try (provider) {
      ProviderResult result = provider.run(context);
      assertThat(result).isInstanceOf(ProviderResult.Errored.class);
      return ((ProviderResult.Errored) result).message();
    }
  }

  @Test
  void secretArgumentsAreRedactedFromMessages() throws IOException {
    int port = closedPort();
    String message = errorOf(WebMetricProvider.create(),
        context(web("http://127.0.0.1:" + port + "/q?token=s3cr3t-value").build(), "s3cr3t-value"));
    assertThat(message).doesNotContain("s3cr3t-value").contains("token=*****").contains("connection refused");
  }

  @Test
  void urlPasswordsAreHiddenAsGoDoes() throws IOException {
    int port = closedPort();
    String message = errorOf(WebMetricProvider.create(),
        context(web("http://admin:hunter22@127.0.0.1:" + port + "/x").build()));
    assertThat(message).doesNotContain("hunter22").startsWith("Get \"http://admin:***@127.0.0.1:" + port + "/x\"");
  }

  @Test
  void urlUserInfoBecomesBasicAuthentication() {
    server.stubFor(get("/basic").willReturn(okJson("1")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      provider.run(context(web("http://user:pw@localhost:" + server.getPort() + "/basic").build()));
    }
    server.verify(getRequestedFor(urlEqualTo("/basic")).withHeader("Authorization", equalTo("Basic dXNlcjpwdw==")));
  }

  @Test
  void credentialHeaderValuesAreRedactedFromValues() {
    server.stubFor(get("/echo").willReturn(okJson("{\"seen\":\"key-12345\"}")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult result = provider.run(context(web(http() + "/echo").header("X-Api-Key", "key-12345")
          .jsonPath("{$.seen}").build()));
      ProviderResult.Observed observed = (ProviderResult.Observed) result;
      assertThat(observed.display()).isEqualTo("\"*****\"");
      assertThat(observed.value()).as("conditions still see the real value").isEqualTo("key-12345");
    }
  }

  @Test
  void insecureSkipsCertificateVerification() {
    server.stubFor(get("/tls").willReturn(okJson("{\"tls\":true}")));
    String url = server.getRuntimeInfo().getHttpsBaseUrl() + "/tls";
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult result = provider.run(context(web(url).insecure().jsonPath("{.tls}").build()));
      assertThat(result).isEqualTo(ProviderResult.observed(true, "true"));
    }
  }

  @Test
  void selfSignedCertificateIsRejectedWithoutInsecure() {
    String url = server.getRuntimeInfo().getHttpsBaseUrl() + "/tls";
    assertThat(errorOf(WebMetricProvider.create(), context(web(url).build())))
        .startsWith("Get \"" + url + "\": tls: ");
  }

  @Test
  void proxyFromTheEnvironmentIsUsedForOtherHosts() {
    server.stubFor(get("/proxied").willReturn(okJson("{\"via\":\"proxy\"}")));
    Map<String, String> env = Map.of("HTTP_PROXY", "127.0.0.1:" + server.getPort());
    try (WebMetricProvider provider = WebMetricProvider.builder().environment(env::get).build()) {
      ProviderResult result = provider.run(context(web("http://upstream.invalid/proxied").jsonPath("{.via}")
          .build()));
      assertThat(result).isEqualTo(ProviderResult.observed("proxy", "\"proxy\""));
    }
    server.verify(getRequestedFor(urlEqualTo("/proxied")).withHeader("Host", equalTo("upstream.invalid")));
  }

  @Test
  void loopbackAndInsecureRequestsBypassTheProxy() throws IOException {
    server.stubFor(get("/direct").willReturn(okJson("7")));
    Map<String, String> env = Map.of("http_proxy", "http://127.0.0.1:" + closedPort(),
        "https_proxy", "http://127.0.0.1:" + closedPort());
    try (WebMetricProvider provider = WebMetricProvider.builder().environment(env::get).build()) {
      assertThat(provider.run(context(web(http() + "/direct").build())))
          .isEqualTo(ProviderResult.observed(7.0, "7"));
      assertThat(provider.run(context(web(server.getRuntimeInfo().getHttpsBaseUrl() + "/direct").insecure()
          .build()))).isEqualTo(ProviderResult.observed(7.0, "7"));
    }
  }

  @Test
  void sharedClientIsNotClosed() {
    server.stubFor(get("/shared").willReturn(okJson("1")));
    OkHttpClient shared = new OkHttpClient();
    try (WebMetricProvider provider = WebMetricProvider.builder().httpClient(shared).build()) {
      assertThat(provider.run(context(web(http() + "/shared").build())))
          .isInstanceOf(ProviderResult.Observed.class);
    }
    assertThat(shared.connectionPool().connectionCount()).isGreaterThanOrEqualTo(1);
    assertThat(shared.followRedirects()).as("the shared client's settings are left alone").isTrue();
    shared.connectionPool().evictAll();
  }
}
