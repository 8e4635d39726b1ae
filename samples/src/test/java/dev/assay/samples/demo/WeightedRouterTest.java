/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class WeightedRouterTest {
  private final HttpClient client = HttpClient.newHttpClient();

  private String servedBy(WeightedRouter router, boolean header) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(router.url() + "/api/v1/version"));
    if (header) {
      b.header("x-canary", "true");
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("x-served-by")
        .orElseThrow();
  }

  @Test
  void weightAndHeaderDecideTheBackend() throws Exception {
    try (DemoService stable = DemoService.start("1.0.0", "demo-s-0", 0, 0, 1, Clock.systemUTC());
        DemoService canary = DemoService.start("1.1.0", "demo-c-0", 0, 0, 2, Clock.systemUTC());
        WeightedRouter router = new WeightedRouter(stable, canary, 3)) {
      router.setWeight(0);
      router.setHeaderRoute(Demo.TESTERS_ROUTE);
      assertThat(servedBy(router, false)).isEqualTo("1.0.0");
      assertThat(servedBy(router, true)).isEqualTo("1.1.0");
      router.setWeight(100);
      assertThat(servedBy(router, false)).isEqualTo("1.1.0");

      router.setWeight(25);
      int toCanary = 0;
      for (int i = 0; i < 1000; i++) {
        toCanary += router.toCanary(false) ? 1 : 0;
      }
      assertThat(toCanary).isBetween(200, 300);
      assertThat(canary.metrics()).contains("http_requests_total{status=\"200\"} 2",
          "http_request_duration_seconds_bucket{le=\"+Inf\"} 2");
    }
  }

  @Test
  void badServiceAnswersWithErrorsAndSlowerDurations() throws Exception {
    try (DemoService bad = DemoService.start("1.1.0", "demo-c-0", 1.0, 0.3, 5, Clock.systemUTC())) {
      int status = client.send(HttpRequest.newBuilder(URI.create(bad.url() + "/api/v1/version")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();

      assertThat(status).isEqualTo(500);
      assertThat(bad.metrics()).contains("http_requests_total{status=\"500\"} 1",
          "http_request_duration_seconds_bucket{le=\"0.25\"} 0", "http_request_duration_seconds_bucket{le=\"0.5\"} 1");
    }
  }
}
