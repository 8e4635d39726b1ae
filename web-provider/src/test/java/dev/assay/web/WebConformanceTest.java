/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import dev.assay.expr.ConditionOutcome;
import dev.assay.expr.Conditions;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.Metric;
import dev.assay.model.WebMetric;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code provider-web} cases of Argo's conformance vectors. Phases other than Error come from the metric's
 * conditions, which the engine evaluates on the observed value; the test does the same with {@link Conditions}.
 */
class WebConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  static Stream<Arguments> cases() throws IOException {
    try (InputStream in = WebConformanceTest.class.getResourceAsStream("/conformance/provider-web.json")) {
      List<Arguments> out = new ArrayList<>();
      for (JsonNode c : JSON.readTree(in)) {
        if (!c.path("inputs").has("operation")) {
          out.add(Arguments.of(c.get("id").asText(), c));
        }
      }
      return out.stream();
    }
  }

  @Test
  void allEighteenCasesAreCovered() throws IOException {
    try (InputStream in = WebConformanceTest.class.getResourceAsStream("/conformance/provider-web.json")) {
      assertThat(JSON.readTree(in)).hasSize(18);
    }
    assertThat(cases().count()).isEqualTo(17);
  }

  @Test
  void defaultTimeout() throws IOException {
    try (InputStream in = WebConformanceTest.class.getResourceAsStream("/conformance/provider-web.json")) {
      for (JsonNode c : JSON.readTree(in)) {
        if (!c.path("inputs").has("operation")) {
          continue;
        }
        assertThat(c.path("inputs").path("operation").asText()).isEqualTo("newHttpClient");
        for (JsonNode variant : c.path("inputs").path("variants")) {
          WebMetric web = WebTestSupport.web("http://x").timeoutSeconds(variant.get("timeoutSeconds").asLong())
              .build();
          assertThat(WebMetricProvider.timeoutOf(web).getSeconds())
              .isEqualTo(variant.get("expectTimeoutSeconds").asLong());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conformanceCase(String id, JsonNode c) throws IOException {
    server.resetAll();
    server.stubFor(post("/ok").willReturn(okJson("{\"access_token\":\"MyAccessToken\",\"token_type\":\"Bearer\"}")));
    server.stubFor(post("/ko").willReturn(aResponse().withStatus(401).withBody("Missing OAuth2 token")));
    JsonNode serverSpec = c.path("inputs").path("server");
    if (!serverSpec.path("status").isNull()) {
      MappingBuilder metricEndpoint = any(urlEqualTo("/metric"));
      server.stubFor(metricEndpoint.willReturn(aResponse().withStatus(serverSpec.get("status").asInt())
          .withBody(serverSpec.get("body").asText())));
    }
    String metricText = c.path("inputs").path("metric").toString().replace("<oauthServer>", server.baseUrl());
    ObjectNode metricNode = (ObjectNode) JSON.readTree(metricText);
    metricNode.put("name", "conformance");
    ((ObjectNode) metricNode.path("provider").path("web")).put("url", server.baseUrl() + "/metric");
    Metric metric = JSON.treeToValue(metricNode, Metric.class);

    ProviderResult result;
    try (WebMetricProvider provider = WebMetricProvider.create()) {
      result = provider.run(new MeasurementContext(new RunRef("run", "ns", "uid"), metric,
          dev.assay.model.MetricResult.start("conformance", false, Map.of()), WebTestSupport.NOW, List.of()));
    }

    JsonNode expected = c.path("expected");
    if ("Error".equals(expected.path("phase").asText())) {
      assertThat(result).isInstanceOf(ProviderResult.Errored.class);
      String message = ((ProviderResult.Errored) result).message();
      if (expected.has("message")) {
        assertThat(message).isEqualTo(expected.get("message").asText());
      }
      if (expected.has("messageContains")) {
        assertThat(message).contains(expected.get("messageContains").asText());
      }
    } else {
      assertThat(result).isInstanceOf(ProviderResult.Observed.class);
      ProviderResult.Observed observed = (ProviderResult.Observed) result;
      if (expected.has("value")) {
        assertThat(observed.display()).isEqualTo(expected.get("value").asText());
      }
      ConditionOutcome outcome = Conditions.evaluate(metric.successCondition(), metric.failureCondition(),
          observed.value(), WebTestSupport.NOW);
      assertThat(outcome.phase()).as(outcome.message())
          .isEqualTo(AnalysisPhase.fromWireName(expected.get("phase").asText()));
    }
    if (expected.has("httpCallMade") && !expected.get("httpCallMade").asBoolean()) {
      server.verify(0, anyRequestedFor(anyUrl()));
    }
    if (expected.has("request")) {
      verifyRequest(expected.get("request"));
    }
  }

  private static void verifyRequest(JsonNode request) {
    UrlPattern metricUrl = urlEqualTo("/metric");
    RequestPatternBuilder pattern = request.has("method")
        ? new RequestPatternBuilder(com.github.tomakehurst.wiremock.http.RequestMethod.fromString(
            request.get("method").asText()), metricUrl)
        : WireMock.anyRequestedFor(metricUrl);
    if (request.has("body")) {
      pattern.withRequestBody(equalTo(request.get("body").asText()));
    }
    if (request.has("bodyJsonEquals")) {
      pattern.withRequestBody(equalToJson(request.get("bodyJsonEquals").toString()));
    }
    request.path("headers").properties()
        .forEach(h -> pattern.withHeader(h.getKey(), equalTo(h.getValue().asText())));
    server.verify(1, pattern);
  }
}
