/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  private HttpServer service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.stop(0);
    }
  }

  private String serve(String json) throws Exception {
    service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    service.createContext("/api/v1/status", exchange -> {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    service.start();
    return "http://127.0.0.1:" + service.getAddress().getPort();
  }

  @Test
  void analyse_healthyService_successfulAfterThreeMeasurements() throws Exception {
    Optional<AnalysisRun> run = QuickStart.analyse(serve("{\"ok\": true, \"successPercent\": 0.97}"));

    assertThat(run).isPresent();
    assertThat(run.get().status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(run.get().status().metricResults().get(0).successful()).isEqualTo(3);
  }

  @Test
  void analyse_degradedService_failedAtTheFirstMeasurement() throws Exception {
    Optional<AnalysisRun> run = QuickStart.analyse(serve("{\"ok\": true, \"successPercent\": 0.42}"));

    assertThat(run).isPresent();
    assertThat(run.get().status().phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(run.get().status().message())
        .isEqualTo("Metric \"status\" assessed Failed due to failed (1) > failureLimit (0)");
  }
}
