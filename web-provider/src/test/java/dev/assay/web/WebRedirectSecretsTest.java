/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assay.web.WebTestSupport.context;
import static dev.assay.web.WebTestSupport.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.spi.ProviderResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19, finding 2: a redirect to another host carries none of the metric's headers or credentials, and a
 * redirect that would re-send the body there is refused; the OAuth2 exchange fits in one {@code timeoutSeconds}.
 */
class WebRedirectSecretsTest {
  @RegisterExtension
  static WireMockExtension origin = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  @RegisterExtension
  static WireMockExtension other = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  /** The same machine under another host name. */
  private static String otherHost() {
    return "http://localhost:" + other.getPort();
  }

  @Test
  void getRedirectedToAnotherHost_carriesNoHeaderAndNoCredential() {
    origin.stubFor(get("/check").willReturn(aResponse().withStatus(302).withHeader("Location",
        otherHost() + "/landing")));
    other.stubFor(get("/landing").willReturn(okJson("{\"ok\":true}")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult r = provider.run(context(web("http://user:pa55word@127.0.0.1:" + origin.getPort() + "/check")
          .header("X-Api-Key", "key-12345").header("X-Tenant", "team-a").jsonPath("{$.ok}").build()));

      assertThat(r).isEqualTo(ProviderResult.observed(true, "true"));
    }
    other.verify(getRequestedFor(urlEqualTo("/landing")).withHeader("X-Api-Key", absent())
        .withHeader("X-Tenant", absent()).withHeader("Authorization", absent()));
  }

  @Test
  void postRedirected307ToAnotherHost_isRefusedAndTheBodyNotResent() {
    origin.stubFor(post("/check").willReturn(aResponse().withStatus(307).withHeader("Location",
        otherHost() + "/landing")));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult r = provider.run(context(web("http://127.0.0.1:" + origin.getPort() + "/check").method("POST")
          .body("{\"token\":\"s3cr3t-body\"}").build()));

      assertThat(r).isInstanceOf(ProviderResult.Errored.class);
      assertThat(((ProviderResult.Errored) r).message()).contains("redirect to another host (localhost) not followed");
    }
    other.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void oauth2TokenAndQuery_shareOneTimeout() {
    // Each answer takes 1.5 s: together they fit in 2 x 2 s, but not in one 2 s budget.
    origin.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"tok-1\",\"expires_in\":3600}")
        .withFixedDelay(1500)));
    origin.stubFor(get("/check").willReturn(okJson("{\"ok\":true}").withFixedDelay(1500)));
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      ProviderResult r = provider.run(context(web("http://127.0.0.1:" + origin.getPort() + "/check")
          .oauth2("http://127.0.0.1:" + origin.getPort() + "/token", "client", "secret-1")
          .timeoutSeconds(2).jsonPath("{$.ok}").build()));

      assertThat(r).isInstanceOf(ProviderResult.Errored.class);
      assertThat(((ProviderResult.Errored) r).message()).contains("context deadline exceeded");
    }
  }
}
