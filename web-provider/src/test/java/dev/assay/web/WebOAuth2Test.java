/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assay.web.WebTestSupport.context;
import static dev.assay.web.WebTestSupport.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.spi.ProviderResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebOAuth2Test {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  private final WebMetricProvider provider = WebMetricProvider.create();

  @BeforeEach
  void api() {
    server.stubFor(get("/api").willReturn(okJson("{\"ok\":true}")));
  }

  @AfterEach
  void close() {
    provider.close();
  }

  private ProviderResult call(String tokenPath, String... scopes) {
    return provider.run(context(web(server.baseUrl() + "/api").jsonPath("{$.ok}")
        .oauth2(server.baseUrl() + tokenPath, "my client", "mySecret", scopes).build()));
  }

  @Test
  void fetchesATokenWithClientCredentialsAndSendsItAsBearer() {
    server.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"MyAccessToken\",\"token_type\":\"bearer\"}")));
    assertThat(call("/token", "first", "second")).isEqualTo(ProviderResult.observed(true, "true"));
    String basic = Base64.getEncoder().encodeToString("my+client:mySecret".getBytes(StandardCharsets.UTF_8));
    server.verify(postRequestedFor(urlEqualTo("/token"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&scope=first+second")));
    server.verify(getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("Bearer MyAccessToken")));
  }

  @Test
  void tokensWithAnExpiryAreReused() {
    server.stubFor(post("/expiring").willReturn(okJson("{\"access_token\":\"T1\",\"expires_in\":3600}")));
    assertThat(call("/expiring")).isInstanceOf(ProviderResult.Observed.class);
    assertThat(call("/expiring")).isInstanceOf(ProviderResult.Observed.class);
    server.verify(1, postRequestedFor(urlEqualTo("/expiring")));
    server.verify(2, getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("Bearer T1")));
  }

  @Test
  void formEncodedTokenResponsesAreUnderstood() {
    server.stubFor(post("/form").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-www-form-urlencoded")
        .withBody("access_token=F0rm&token_type=mac")));
    assertThat(call("/form")).isInstanceOf(ProviderResult.Observed.class);
    server.verify(getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("MAC F0rm")));
  }

  @Test
  void rejectedTokenRequestIsAnErrorAfterTryingBothCredentialStyles() {
    server.stubFor(post("/ko").willReturn(aResponse().withStatus(401).withBody("Missing OAuth2 token")));
    ProviderResult result = call("/ko");
    assertThat(result).isInstanceOf(ProviderResult.Errored.class);
    String message = ((ProviderResult.Errored) result).message();
    assertThat(message).isEqualTo("Get \"" + server.baseUrl() + "/api\": oauth2: cannot fetch token: "
        + "401 Unauthorized\nResponse: Missing OAuth2 token");
    server.verify(postRequestedFor(urlEqualTo("/ko")).withHeader("Authorization", containing("Basic ")));
    server.verify(postRequestedFor(urlEqualTo("/ko")).withHeader("Authorization", absent())
        .withRequestBody(equalTo("client_id=my+client&client_secret=mySecret&grant_type=client_credentials")));
    server.verify(0, getRequestedFor(urlEqualTo("/api")));
  }

  @Test
  void serverErrorCodesAreQuotedAndSecretsRedacted() {
    server.stubFor(post("/err").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret mySecret\"}")));
    ProviderResult result = call("/err");
    assertThat(((ProviderResult.Errored) result).message())
        .endsWith("oauth2: \"invalid_client\" \"bad secret *****\"")
        .doesNotContain("mySecret");
  }

  @Test
  void tokenResponseWithoutAccessTokenIsAnError() {
    server.stubFor(post("/none").willReturn(okJson("{\"token_type\":\"bearer\"}")));
    assertThat(((ProviderResult.Errored) call("/none")).message())
        .endsWith("oauth2: server response missing access_token");
  }

  @Test
  void unreachableTokenEndpointIsAnError() {
    server.stubFor(post("/reset").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThat(((ProviderResult.Errored) call("/reset")).message())
        .isEqualTo("Get \"" + server.baseUrl() + "/api\": Post \"" + server.baseUrl() + "/reset\": EOF");
  }

  @Test
  void clientIdAndSecretAreRequired() {
    ProviderResult result = provider.run(context(web(server.baseUrl() + "/api")
        .oauth2(server.baseUrl() + "/token", "id", "").build()));
    assertThat(result).isEqualTo(ProviderResult.error("missing mandatory parameter in metric for OAuth2 setup"));
  }

  @Test
  void oauthTokenReplacesAUserAuthorizationHeader() {
    server.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"Tok\"}")));
    provider.run(context(web(server.baseUrl() + "/api").header("Authorization", "Bearer user")
        .oauth2(server.baseUrl() + "/token", "id", "secret").build()));
    server.verify(getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("Bearer Tok")));
  }
}
