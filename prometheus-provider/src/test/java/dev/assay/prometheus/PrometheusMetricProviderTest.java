/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Header;
import dev.assay.model.Measurement;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.RangeQuery;
import dev.assay.spi.ProviderResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusMetricProviderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private final PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null).build();

  @AfterEach
  void close() {
    provider.close();
  }

  private static PrometheusMetric metric(String query) {
    return PrometheusMetric.of(wm.baseUrl(), query);
  }

  @Test
  void run_instantQuery_postsFormWithQueryAndEngineTime() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.vector("0.95"))));

    ProviderResult r = provider.run(Contexts.of(metric("sum(rate(x[5m]))")));

    assertThat(r).isEqualTo(ProviderResult.observed(List.of(0.95), "[0.95]"));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/query"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withFormParam("query", equalTo("sum(rate(x[5m]))"))
        .withFormParam("time", equalTo("1700001800")));
  }

  @Test
  void run_timeWithFraction_sentAsDecimalSeconds() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("1"))));

    provider.run(Contexts.of(Contexts.metric(metric("q")), Instant.ofEpochSecond(1700001800, 500_000_000), List.of()));

    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/query")).withFormParam("time", equalTo("1700001800.5")));
  }

  @Test
  void run_addressWithPath_joinsApiPathBelowIt() {
    wm.stubFor(post("/prom/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("10"))));

    ProviderResult r = provider.run(Contexts.of(PrometheusMetric.of(wm.baseUrl() + "/prom/", "q")));

    assertThat(r).isEqualTo(ProviderResult.observed(10.0, "10"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void run_scalarAndSpecialValues_convertedAsArgoDoes() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.vector("NaN", "+Inf", "-Inf", "2"))));

    ProviderResult.Observed r = (ProviderResult.Observed) provider.run(Contexts.of(metric("q")));

    assertThat(r.display()).isEqualTo("[NaN,+Inf,-Inf,2]");
    assertThat((List<Object>) r.value()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        2.0);
  }

  @Test
  void run_stringResult_errorTypeNotSupported() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"x\"]}}")));

    assertThat(provider.run(Contexts.of(metric("q")))).isEqualTo(
        ProviderResult.error("Prometheus metric type not supported"));
  }

  @Test
  void run_warnings_quotedAndJoinedInMeasurementMetadata() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(
        "{\"status\":\"success\",\"warnings\":[\"w1\",\"w2\"],\"data\":{\"resultType\":\"scalar\","
            + "\"result\":[1,\"10\"]}}")));

    ProviderResult r = provider.run(Contexts.of(metric("q")));

    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    assertThat(r.metadata()).containsExactly(Map.entry("warnings", "\"w1\", \"w2\""));
  }

  @ParameterizedTest
  @ValueSource(ints = {403, 405, 501})
  void run_postRefused_retriesAsGetWithQueryString(int status) {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(status)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withBody(Responses.scalar("3"))));

    ProviderResult r = provider.run(Contexts.of(metric("up == 1")));

    assertThat(r).isEqualTo(ProviderResult.observed(3.0, "3"));
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/query")).withQueryParam("query", equalTo("up == 1"))
        .withQueryParam("time", equalTo("1700001800")));
  }

  @Test
  void run_rangeQuery_postsStartEndStepInSeconds() {
    wm.stubFor(post("/api/v1/query_range").willReturn(aResponse().withBody(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
            + "\"values\":[[1,\"1\"],[2,\"2\"]]},{\"metric\":{\"a\":\"b\"},\"values\":[[1,\"3\"]]}]}}")));
    PrometheusMetric m = new PrometheusMetric(wm.baseUrl(), "up", null, false, List.of(), null,
        new RangeQuery("now() - duration(\"5m\")", "now()", "1m30s"));

    ProviderResult r = provider.run(Contexts.of(m));

    assertThat(r).isEqualTo(ProviderResult.observed(List.of(1.0, 2.0, 3.0), "[1,2,3]"));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/query_range")).withFormParam("query", equalTo("up"))
        .withFormParam("start", equalTo("1700001500")).withFormParam("end", equalTo("1700001800"))
        .withFormParam("step", equalTo("90")));
  }

  @Test
  void run_rangeQueryBadParts_argoMessagesWithoutHttpCall() {
    PrometheusMetric badStart = new PrometheusMetric(wm.baseUrl(), "up", null, false, List.of(), null,
        new RangeQuery("now() - duration(\"x\")", "now()", "1m"));
    PrometheusMetric badStep = new PrometheusMetric(wm.baseUrl(), "up", null, false, List.of(), null,
        new RangeQuery("now()", "now()", "1"));

    assertThat(provider.run(Contexts.of(badStart))).isEqualTo(ProviderResult.error(
        "failed to parse rangeQuery.start as time: time: invalid duration \"x\""));
    assertThat(provider.run(Contexts.of(badStep))).isEqualTo(ProviderResult.error(
        "failed to parse rangeQuery.step as duration: time: missing unit in duration \"1\""));
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void run_basicAuthAndHeaders_headersSetLast() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("1"))));
    PrometheusMetric basic = new PrometheusMetric(wm.baseUrl(), "q", null, false,
        List.of(new Header("X-Scope-OrgID", "tenant-1")), new Authentication(new BasicAuth("user", "pw"), null, null),
        null);
    PrometheusMetric overridden = new PrometheusMetric(wm.baseUrl(), "q", null, false,
        List.of(new Header("Authorization", "Bearer custom")),
        new Authentication(new BasicAuth("user", "pw"), null, null), null);

    provider.run(Contexts.of(basic));
    provider.run(Contexts.of(overridden));

    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/query"))
        .withHeader("Authorization", equalTo("Basic dXNlcjpwdw==")).withHeader("X-Scope-OrgID", equalTo("tenant-1")));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/query"))
        .withHeader("Authorization", equalTo("Bearer custom")));
  }

  @Test
  void run_defaultAddressAndEnvironment_usedWhenMetricHasNone() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("1"))));
    PrometheusMetric noAddress = PrometheusMetric.of("", "q");
    try (PrometheusMetricProvider withDefault = PrometheusMetricProvider.builder().defaultAddress(wm.baseUrl())
        .environment(k -> null).build();
        PrometheusMetricProvider withEnv = PrometheusMetricProvider.builder()
            .environment(Map.of("ARGO_ROLLOUTS_PROMETHEUS_ADDRESS", wm.baseUrl())::get).build()) {
      assertThat(withDefault.run(Contexts.of(noAddress))).isInstanceOf(ProviderResult.Observed.class);
      assertThat(withEnv.run(Contexts.of(noAddress))).isInstanceOf(ProviderResult.Observed.class);
    }
    assertThat(provider.run(Contexts.of(noAddress)))
        .isEqualTo(ProviderResult.error("prometheus address is not configured"));
  }

  @Test
  void metadata_resolvedQuery_secretsRedacted() {
    PrometheusMetric m = metric("sum(x{token=\"s3cr3t\"})");

    assertThat(provider.metadata(Contexts.of(m, List.of("s3cr3t"))))
        .containsExactly(Map.entry("ResolvedPrometheusQuery", "sum(x{token=\"*****\"})"));
    assertThat(provider.metadata(Contexts.of(metric("")))).isEmpty();
  }

  @Test
  void terminateAndResume_leaveTheMeasurementAsItIs() throws Exception {
    Measurement inFlight = Measurement.builder().startedAt(Contexts.NOW).metadata(Map.of("k", "v")).build();

    assertThat(provider.terminate(Contexts.of(metric("q")), inFlight))
        .isEqualTo(new ProviderResult.Pending(null, Map.of("k", "v")));
    assertThat(provider.resume(Contexts.of(metric("q")), inFlight)).isInstanceOf(ProviderResult.Pending.class);
    assertThat(provider.type()).isEqualTo("prometheus");
  }

  @Test
  void run_redirects_followedLikeGoIncludingPost307() {
    wm.stubFor(post("/api/v1/query").willReturn(aResponse().withStatus(307)
        .withHeader("Location", wm.baseUrl() + "/moved/api/v1/query")));
    wm.stubFor(post("/moved/api/v1/query").willReturn(aResponse().withBody(Responses.scalar("7"))));
    wm.stubFor(post("/old/api/v1/query").willReturn(aResponse().withStatus(302).withHeader("Location", "/found")));
    wm.stubFor(any(urlPathEqualTo("/found")).willReturn(aResponse().withBody(Responses.scalar("8"))));

    assertThat(provider.run(Contexts.of(metric("q")))).isEqualTo(ProviderResult.observed(7.0, "7"));
    assertThat(provider.run(Contexts.of(PrometheusMetric.of(wm.baseUrl() + "/old", "q"))))
        .isEqualTo(ProviderResult.observed(8.0, "8"));
    wm.verify(postRequestedFor(urlPathEqualTo("/moved/api/v1/query")).withFormParam("query", equalTo("q")));
  }
}
