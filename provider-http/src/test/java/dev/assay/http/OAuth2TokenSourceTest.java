/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.OAuth2Config;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one OAuth2 client-credentials implementation both HTTP providers use, pinned behaviour by behaviour. */
class OAuth2TokenSourceTest {
  private static final String SECRET = "PQ s3c&r=t+/";
  private static final String ENCODED_SECRET = "PQ+s3c%26r%3Dt%2B%2F";
  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");
  private static final OkHttpClient HTTP = new OkHttpClient();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private final OAuth2TokenSource tokens = new OAuth2TokenSource();
  private final List<String> secrets = new ArrayList<>();

  @AfterAll
  static void closeClient() {
    HTTP.dispatcher().executorService().shutdown();
    HTTP.connectionPool().evictAll();
  }

  private OAuth2Config config() {
    return new OAuth2Config(wm.baseUrl() + "/token", "my client", SECRET, List.of("read", "write"));
  }

  private String authorize(Instant now) {
    return tokens.authorization(HTTP, config(), Map.of(), Duration.ofSeconds(5), now, secrets::add);
  }

  private static void tokenResponse(String contentType, String body) {
    wm.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
  }

  @Test
  void credentialsInBasicHeaderFirst_goEscapedAndScopesInForm() {
    tokenResponse("application/json", "{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":60}");

    assertThat(authorize(T0)).isEqualTo("Bearer tok-1");

    String basic = java.util.Base64.getEncoder().encodeToString(("my+client:" + ENCODED_SECRET).getBytes());
    wm.verify(postRequestedFor(urlPathEqualTo("/token")).withHeader("Authorization", equalTo("Basic " + basic))
        .withRequestBody(equalTo("grant_type=client_credentials&scope=read+write")));
  }

  @Test
  void headerStyleRefused_formStyleUsedAndRemembered() {
    wm.stubFor(post("/token").withHeader("Authorization", containing("Basic")).willReturn(aResponse().withStatus(401)));
    wm.stubFor(post("/token").withHeader("Authorization", absent()).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"tok-2\",\"expires_in\":1}")));

    assertThat(authorize(T0)).isEqualTo("Bearer tok-2");
    assertThat(authorize(T0.plusSeconds(60))).isEqualTo("Bearer tok-2");

    // First call: header (refused) then form; second call: straight to the form.
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")).withHeader("Authorization", containing("Basic")));
    wm.verify(2, postRequestedFor(urlPathEqualTo("/token")).withHeader("Authorization", absent())
        .withRequestBody(containing("client_secret=" + ENCODED_SECRET)));
  }

  @Test
  void formEncodedResponse_andTokenTypesAsGoNormalisesThem() {
    tokenResponse("application/x-www-form-urlencoded", "access_token=tok-3&token_type=mac");

    assertThat(authorize(T0)).isEqualTo("MAC tok-3");
  }

  @Test
  void tokenReusedUntilTenSecondsBeforeExpiry() {
    tokenResponse("application/json", "{\"access_token\":\"tok-1\",\"expires_in\":60}");

    authorize(T0);
    authorize(T0.plusSeconds(49));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));

    authorize(T0.plusSeconds(50));
    wm.verify(2, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void tokenWithoutExpiry_reusedIndefinitely() {
    tokenResponse("application/json", "{\"access_token\":\"tok-1\"}");

    authorize(T0);
    authorize(T0.plus(Duration.ofDays(3650)));

    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void concurrentCallers_oneTokenRequest() throws Exception {
    wm.stubFor(post("/token").willReturn(aResponse().withFixedDelay(200)
        .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"tok-1\",\"expires_in\":3600}")));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> authorize(T0)));
      }
      for (Future<String> f : results) {
        assertThat(f.get()).isEqualTo("Bearer tok-1");
      }
    } finally {
      pool.shutdownNow();
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void errorCodeInResponse_goRetrieveErrorText() {
    wm.stubFor(post("/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_scope\",\"error_description\":\"no \\\"write\\\"\"}")));

    assertThatThrownBy(() -> authorize(T0)).isInstanceOf(OAuth2Exception.class)
        .hasMessage("oauth2: \"invalid_scope\" \"no \\\"write\\\"\"");
  }

  @Test
  void statusWithoutErrorCode_bodyCutAndEverySecretFormRedacted() {
    String echo = "raw " + SECRET + " form " + ENCODED_SECRET + " " + "x".repeat(2000);
    wm.stubFor(post("/token").willReturn(aResponse().withStatus(401).withBody(echo)));

    assertThatThrownBy(() -> authorize(T0)).isInstanceOf(OAuth2Exception.class)
        .hasMessageStartingWith("oauth2: cannot fetch token: 401 Unauthorized\nResponse: raw ***** form *****")
        .hasMessageEndingWith("x...")
        .message().doesNotContain(SECRET).doesNotContain(ENCODED_SECRET);
  }

  @Test
  void missingAccessToken_goText() {
    tokenResponse("application/json", "{\"token_type\":\"Bearer\"}");

    assertThatThrownBy(() -> authorize(T0)).hasMessage("oauth2: server response missing access_token");
  }

  @Test
  void secretsHandedToTheSinkBeforeUse() {
    tokenResponse("application/json", "{\"access_token\":\"tok-9\"}");

    authorize(T0);

    assertThat(secrets).contains(SECRET, ENCODED_SECRET, "tok-9", "Bearer tok-9");
  }

  @Test
  void oneTimeoutBudgetForBothCredentialStyles() {
    wm.stubFor(post("/token").willReturn(aResponse().withFixedDelay(3_000).withStatus(401)));

    assertThatThrownBy(() -> tokens.authorization(HTTP, config(), Map.of(), Duration.ofMillis(500), T0,
        secrets::add)).isInstanceOf(OAuth2Exception.class).hasMessageContaining("context deadline exceeded");

    // The header attempt used the whole budget, so the form attempt was never sent.
    wm.verify(1, postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void extraHeadersGoWithTheTokenRequest() {
    tokenResponse("application/json", "{\"access_token\":\"tok-1\"}");

    tokens.authorization(HTTP, config(), Map.of("X-Tenant", "t1"), Duration.ofSeconds(5), T0, secrets::add);

    wm.verify(postRequestedFor(urlPathEqualTo("/token")).withHeader("X-Tenant", equalTo("t1")));
  }

  @Test
  void invalidTokenUrl_goText() {
    OAuth2Config bad = new OAuth2Config("not a url", "id", SECRET, List.of());

    assertThatThrownBy(() -> tokens.authorization(HTTP, bad, Map.of(), Duration.ofSeconds(1), T0, secrets::add))
        .isInstanceOf(OAuth2Exception.class).hasMessage("Post \"not a url\": unsupported protocol scheme \"\"");
  }
}
