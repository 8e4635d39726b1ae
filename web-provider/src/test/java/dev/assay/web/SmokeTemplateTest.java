/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.expr.Conditions;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import dev.assay.template.ArgumentResolver;
import dev.assay.template.ResolvedMetrics;
import dev.assay.template.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documented smoke-test template, loaded from YAML with {@link Manifests}, its {@code {{args.base-url}}}
 * resolved, and each metric measured against a stub service and judged by its conditions.
 */
class SmokeTemplateTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
      .build();

  private static final String METRICS_TEXT = "# TYPE process_start_time_seconds gauge\n"
      + "process_start_time_seconds 1.7e9\nhttp_requests_total{code=\"200\"} 1027\n";

  /** What one measurement of each metric gave: its phase, and the value text or error message. */
  private final Map<String, String> details = new LinkedHashMap<>();

  @BeforeEach
  void healthyService() {
    server.stubFor(get("/health").willReturn(okJson("{\"status\":\"UP\"}")));
    server.stubFor(get("/metrics").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain; version=0.0.4").withBody(METRICS_TEXT)));
    server.stubFor(get("/api/v1/status").willReturn(okJson("{\"ready\":true,\"version\":\"1.4.2\","
        + "\"checks\":[{\"name\":\"db\",\"ok\":true},{\"name\":\"cache\",\"ok\":true}]}")));
  }

  private Map<String, AnalysisPhase> runSmokeTest() throws IOException {
    AnalysisTemplate template;
    try (InputStream in = SmokeTemplateTest.class.getResourceAsStream("/smoke/smoke-test-template.yaml")) {
      template = Manifests.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), AnalysisTemplate.class);
    }
    ResolvedMetrics resolved = ArgumentResolver.resolve(template.spec().metrics(),
        List.of(Argument.of("base-url", server.baseUrl())), "default", SecretResolver.none());
    Map<String, AnalysisPhase> phases = new LinkedHashMap<>();
    try (WebMetricProvider web = WebMetricProvider.create()) {
      for (Metric metric : resolved.metrics()) {
        ProviderResult result = web.run(new MeasurementContext(new RunRef("smoke-1", "default", "uid"), metric,
            MetricResult.start(metric.name(), false, Map.of()), WebTestSupport.NOW, resolved.secrets()));
        if (result instanceof ProviderResult.Observed) {
          ProviderResult.Observed observed = (ProviderResult.Observed) result;
          phases.put(metric.name(), Conditions.evaluate(metric.successCondition(), metric.failureCondition(),
              observed.value(), WebTestSupport.NOW).phase());
          details.put(metric.name(), observed.display());
        } else {
          phases.put(metric.name(), AnalysisPhase.ERROR);
          details.put(metric.name(), ((ProviderResult.Errored) result).message());
        }
      }
    }
    return phases;
  }

  @Test
  void healthyServicePassesAllThreeChecks() throws Exception {
    assertThat(runSmokeTest()).containsExactlyInAnyOrderEntriesOf(Map.of("health", AnalysisPhase.SUCCESSFUL,
        "metrics", AnalysisPhase.SUCCESSFUL, "status", AnalysisPhase.SUCCESSFUL));
    assertThat(details.get("health")).isEqualTo("\"UP\"");
    assertThat(details.get("metrics")).isEqualTo(METRICS_TEXT);
    server.verify(getRequestedFor(urlEqualTo("/health")));
    server.verify(getRequestedFor(urlEqualTo("/metrics")));
    server.verify(getRequestedFor(urlEqualTo("/api/v1/status")));
  }

  @Test
  void aFailingCheckFails() throws Exception {
    server.stubFor(get("/api/v1/status").willReturn(okJson(
        "{\"ready\":true,\"checks\":[{\"name\":\"db\",\"ok\":false}]}")));
    assertThat(runSmokeTest()).containsEntry("status", AnalysisPhase.FAILED)
        .containsEntry("health", AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void anUnavailableEndpointIsAnError() throws Exception {
    server.stubFor(get("/health").willReturn(aResponse().withStatus(503)));
    assertThat(runSmokeTest()).containsEntry("health", AnalysisPhase.ERROR);
    assertThat(details.get("health")).isEqualTo("received non 2xx response code: 503");
  }
}
