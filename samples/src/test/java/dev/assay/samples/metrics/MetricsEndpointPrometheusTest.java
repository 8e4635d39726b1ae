/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.engine.AnalysisEngine;
import dev.assay.micrometer.AssayMetrics;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.prometheus.PrometheusServer;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes the {@link MetricsEndpoint} of an engine bound with {@link AssayMetrics}, and PromQL
 * sees the run's phase, also after it changes, and a metric name with quotes and non-ASCII characters intact.
 */
class MetricsEndpointPrometheusTest {
  private static final String METRIC = "p99 \"latency\" ✓ µs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir
  Path dir;

  @Test
  void prometheusScrapesTheEndpoint_andAQueryOfAnalysisRunPhaseReturnsTheRunsPhase() throws Exception {
    PrometheusServer.assumeInstalled();
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(Instant.parse("2026-03-01T12:00:00Z")));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AssayMetrics metrics = AssayMetrics.builder(registry).build();
    ScriptedProvider provider = ScriptedProvider.builder("prometheus").script(METRIC, ScriptStep.value(0.2)).build();
    Metric metric = Metric.builder(METRIC).interval("1m").count(2).successCondition("result < 0.5")
        .provider(ProviderSpec.of(new PrometheusMetric("http://prometheus.invalid", "q", null, false, List.of(), null,
            null)))
        .build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("checkout-1", "shop"),
        new dev.assay.model.AnalysisRunSpec(List.of(metric), List.of(), false, List.of(), List.of(), null));
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
            .inlineProviderCalls().provider(provider).listener(metrics.analysisListener()).build();
        MetricsEndpoint endpoint = MetricsEndpoint.start(registry, 0);
        PrometheusServer prometheus = PrometheusServer.scraping(dir, endpoint.target(), "/metrics",
            Duration.ofSeconds(1))) {
      engine.start(run);
      scheduler.runDueTasks();

      JsonNode running = awaitResult(prometheus, "analysis_run_phase{name=\"checkout-1\"} == 1");
      assertThat(running.get("metric").get("phase").asText()).isEqualTo("Running");
      assertThat(running.get("metric").get("namespace").asText()).isEqualTo("shop");
      JsonNode type = awaitResult(prometheus, "analysis_run_metric_type{name=\"checkout-1\"}");
      assertThat(type.get("metric").get("metric").asText()).isEqualTo(METRIC);
      assertThat(type.get("metric").get("type").asText()).isEqualTo("Prometheus");

      scheduler.advanceBy(Duration.ofMinutes(2));
      JsonNode done = awaitResult(prometheus, "analysis_run_info{name=\"checkout-1\",phase=\"Successful\"}");
      assertThat(done.get("value").get(1).asText()).isEqualTo("1");
    }
  }

  /** Polls an instant query until it returns exactly one series (the first scrape comes about 6 s after start). */
  private JsonNode awaitResult(PrometheusServer prometheus, String query) throws Exception {
    URI uri = URI.create(prometheus.baseUrl() + "/api/v1/query?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      last = r.body();
      JsonNode result = JSON.readTree(last).path("data").path("result");
      if (r.statusCode() == 200 && result.size() == 1) {
        return result.get(0);
      }
      TimeUnit.MILLISECONDS.sleep(200); // the poll interval, not a timing assumption
    }
    return fail("no single result for %s within 60 s; last answer: %s", query, last);
  }
}
