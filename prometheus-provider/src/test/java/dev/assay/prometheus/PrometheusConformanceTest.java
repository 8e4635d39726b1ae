/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.assay.expr.ConditionOutcome;
import dev.assay.expr.Conditions;
import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.OAuth2Config;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.RangeQuery;
import dev.assay.prometheus.internal.QuerySettings;
import dev.assay.prometheus.internal.SampleFormat;
import dev.assay.spi.ProviderResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code provider-prometheus} case of the public conformance vectors, against WireMock. */
class PrometheusConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

  private PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null).build();

  @AfterEach
  void close() {
    provider.close();
  }

  static Stream<Named<JsonNode>> cases() throws IOException {
    try (InputStream in = PrometheusConformanceTest.class.getResourceAsStream("/prometheus/conformance-prometheus.json")) {
      List<Named<JsonNode>> out = new ArrayList<>();
      JSON.readTree(in).forEach(c -> out.add(Named.of(c.get("id").asText(), c)));
      assertThat(out).hasSize(12);
      return out.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformance_case_matchesArgo(JsonNode c) {
    JsonNode inputs = c.get("inputs");
    JsonNode expected = c.get("expected");
    String operation = inputs.path("operation").asText("run");
    switch (operation) {
      case "newAPI":
        newApi(inputs, expected);
        break;
      case "terminate":
        Measurement inFlight = Measurement.builder().startedAt(Contexts.NOW).build();
        assertThat(provider.terminate(Contexts.of(PrometheusMetric.of(wm.baseUrl(), "q")), inFlight))
            .isEqualTo(new ProviderResult.Pending(inFlight.resumeAt(), inFlight.metadata()));
        assertThat(expected.get("measurementUnchanged").asBoolean()).isTrue();
        break;
      case "processResponse":
        stub(inputs.get("apiResponse"));
        Metric m = Metric.builder("m").successCondition(inputs.get("successCondition").asText())
            .failureCondition(inputs.get("failureCondition").asText())
            .provider(ProviderSpec.of(PrometheusMetric.of(wm.baseUrl(), "q"))).build();
        assertOutcome(m, expected);
        break;
      case "run(http)":
        runHttp(inputs, expected);
        break;
      default:
        run(inputs, expected);
    }
  }

  private void run(JsonNode inputs, JsonNode expected) {
    if (inputs.has("env")) {
      Map<String, String> env = new HashMap<>();
      inputs.get("env").properties().forEach(e -> env.put(e.getKey(), wiremock(e.getValue().asText())));
      provider.close();
      provider = PrometheusMetricProvider.builder().environment(env::get).build();
    }
    Metric metric = metric(inputs.get("metric"), !inputs.has("env"));
    if (expected.has("providerType")) {
      assertThat(PrometheusMetricProvider.ARGO_TYPE).isEqualTo(expected.get("providerType").asText());
      assertThat(QuerySettings.resolve(metric.provider().prometheus(), "", k -> null).timeout().toSeconds())
          .isEqualTo(expected.get("effectiveTimeoutSeconds").asLong());
      return;
    }
    if (expected.has("metricResultMetadata")) {
      Map<String, String> want = JSON.convertValue(expected.get("metricResultMetadata"), new TypeReference<>() {});
      assertThat(provider.metadata(Contexts.of(metric, Contexts.NOW, List.of()))).isEqualTo(want);
      return;
    }
    if (inputs.has("apiResponse")) {
      stub(inputs.get("apiResponse"));
    }
    assertOutcome(metric, expected);
    if (expected.has("httpCallMade")) {
      assertThat(!wm.getAllServeEvents().isEmpty()).isEqualTo(expected.get("httpCallMade").asBoolean());
    }
  }

  /** Runs the provider and judges its value with the metric's conditions, as the engine does. */
  private void assertOutcome(Metric metric, JsonNode expected) {
    ProviderResult r = provider.run(Contexts.of(metric, Contexts.NOW, List.of()));
    String phase;
    String message;
    String value;
    Map<String, String> metadata = r.metadata();
    if (r instanceof ProviderResult.Observed) {
      ProviderResult.Observed o = (ProviderResult.Observed) r;
      ConditionOutcome outcome = Conditions.evaluate(metric.successCondition(), metric.failureCondition(), o.value(),
          Contexts.NOW);
      phase = outcome.phase().wireName();
      message = outcome.message();
      value = outcome.phase() == dev.assay.model.AnalysisPhase.ERROR ? "" : o.display();
    } else {
      phase = "Error";
      message = ((ProviderResult.Errored) r).message();
      value = "";
    }
    assertThat(phase).isEqualTo(expected.get("phase").asText());
    if (expected.has("message")) {
      assertThat(message).isEqualTo(expected.get("message").asText());
    }
    if (expected.has("value")) {
      assertThat(value).isEqualTo(expected.get("value").asText());
    }
    if (expected.path("error").asBoolean(false)) {
      assertThat(message).isNotEmpty();
    }
    if (expected.has("measurementMetadata")) {
      assertThat(metadata).isEqualTo(JSON.convertValue(expected.get("measurementMetadata"), Map.class));
    }
  }

  private void newApi(JsonNode inputs, JsonNode expected) {
    Map<String, String> env = new HashMap<>();
    inputs.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    if (inputs.has("variants")) {
      for (JsonNode v : inputs.get("variants")) {
        OAuth2Config oauth2 = new OAuth2Config(v.get("oauth2").path("tokenUrl").asText(),
            v.get("oauth2").path("clientId").asText(), v.get("oauth2").path("clientSecret").asText(),
            JSON.convertValue(v.get("oauth2").path("scopes"), new TypeReference<List<String>>() {}));
        PrometheusMetric m = new PrometheusMetric("http://127.0.0.1:9090", "q", null, false, List.of(),
            new Authentication(null, oauth2, null), null);
        if (v.get("expectError").asBoolean()) {
          assertThatThrownBy(() -> QuerySettings.resolve(m, "", env::get))
              .hasMessage(expected.get("errorMessage").asText());
        } else {
          assertThatCode(() -> QuerySettings.resolve(m, "", env::get)).doesNotThrowAnyException();
        }
      }
      return;
    }
    PrometheusMetric m = metric(inputs.get("metric"), false).provider().prometheus();
    assertThat(expected.get("error").asBoolean()).isTrue();
    if (expected.has("errorMessage")) {
      assertThatThrownBy(() -> QuerySettings.resolve(m, "", env::get))
          .hasMessage(expected.get("errorMessage").asText());
      assertThat(provider.run(Contexts.of(m))).isEqualTo(ProviderResult.error(expected.get("errorMessage").asText()));
    } else {
      assertThatThrownBy(() -> QuerySettings.resolve(m, "", env::get)).isInstanceOf(RuntimeException.class);
    }
  }

  private void runHttp(JsonNode inputs, JsonNode expected) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withBody(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")));
    Metric metric = metric(inputs.get("metric"), false);
    assertThat(provider.run(Contexts.of(metric, Contexts.NOW, List.of()))).isInstanceOf(ProviderResult.Observed.class);
    JsonNode request = expected.get("request");
    assertThat(request.get("method").asText()).isEqualTo("POST");
    RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(request.get("path").asText()));
    request.get("formParams").properties().forEach(e -> {
      String want = e.getValue().asText();
      pattern.withFormParam(e.getKey(), "<unix secs>".equals(want) ? matching("[0-9]+(\\.[0-9]+)?") : equalTo(want));
    });
    wm.verify(1, pattern);
  }

  private void stub(JsonNode apiResponse) {
    ObjectNode body = JSON.createObjectNode().put("status", "success");
    if (apiResponse == null || apiResponse.isNull()) {
      body.putNull("data");
    } else {
      ObjectNode data = body.putObject("data").put("resultType", apiResponse.get("resultType").asText());
      if (apiResponse.has("value")) {
        data.putArray("result").add(1700001800).add(SampleFormat.format(apiResponse.get("value").asDouble()));
      } else {
        data.putNull("result");
      }
      if (apiResponse.has("warnings")) {
        body.set("warnings", apiResponse.get("warnings"));
      }
    }
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withBody(body.toString())));
  }

  private static Metric metric(JsonNode node, boolean defaultToWireMock) {
    JsonNode p = node.path("provider").path("prometheus");
    String address = wiremock(p.path("address").asText(""));
    if (address.isEmpty() && defaultToWireMock) {
      address = wm.baseUrl();
    }
    JsonNode auth = p.path("authentication");
    Authentication authentication = auth.isMissingNode() ? null : new Authentication(
        auth.has("basicAuth") ? new BasicAuth(auth.get("basicAuth").path("username").asText(""),
            auth.get("basicAuth").path("password").asText("")) : null, null, null);
    JsonNode range = p.path("rangeQuery");
    RangeQuery rangeQuery = range.isMissingNode() ? null : new RangeQuery(range.path("start").asText(),
        range.path("end").asText(), range.path("step").asText());
    PrometheusMetric prometheus = new PrometheusMetric(address, p.path("query").asText(""),
        p.has("timeout") ? p.get("timeout").asLong() : null, false, List.of(), authentication, rangeQuery);
    return Metric.builder("m").successCondition(node.path("successCondition").asText(""))
        .failureCondition(node.path("failureCondition").asText("")).provider(ProviderSpec.of(prometheus)).build();
  }

  /** Points the vectors' placeholder servers at WireMock. */
  private static String wiremock(String address) {
    return address.replace("http://127.0.0.1:9090", wm.baseUrl()).replace("http://prom:9090", wm.baseUrl());
  }
}
