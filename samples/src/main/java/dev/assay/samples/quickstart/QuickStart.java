/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.web.WebMetricProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The quick start of README.md: load an Argo {@code AnalysisTemplate} from YAML and run it with the engine against a
 * small local service, then print the verdict.
 */
public final class QuickStart {
  /** The template of the quick start, exactly as it would be applied to a cluster running Argo Rollouts. */
  public static final String TEMPLATE = """
      apiVersion: argoproj.io/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: status-check
      spec:
        args:
          - name: base-url
        metrics:
          - name: status
            count: 3
            interval: 1s
            successCondition: result.ok && result.successPercent >= 0.90
            provider:
              web:
                url: "{{args.base-url}}/api/v1/status"
                jsonPath: "{$}"
      """;

  private QuickStart() {}

  /**
   * Loads {@link #TEMPLATE}, runs it against {@code baseUrl} and returns the completed run.
   *
   * @param baseUrl the service to check, for example {@code http://127.0.0.1:8080}
   * @return the completed run, or empty when it did not complete within a minute
   * @throws InterruptedException when interrupted while waiting
   */
  public static Optional<AnalysisRun> analyse(String baseUrl) throws InterruptedException {
    AnalysisTemplate template = Manifests.read(TEMPLATE, AnalysisTemplate.class);
    try (WebMetricProvider web = WebMetricProvider.create();
        AnalysisEngine engine = AnalysisEngine.builder().provider(web).build()) {
      AnalysisHandle handle = engine.start(ObjectMeta.of("quick-start", "default"), List.of(template),
          List.of(Argument.of("base-url", baseUrl)));
      return handle.await(Duration.ofMinutes(1));
    }
  }

  /**
   * Starts a local service answering {@code {"ok": true, "successPercent": 0.97}} and analyses it.
   *
   * @param args unused
   * @throws IOException when the local service cannot start
   * @throws InterruptedException when interrupted
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    service.createContext("/api/v1/status", exchange -> {
      byte[] body = "{\"ok\": true, \"successPercent\": 0.97}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    service.start();
    try {
      Optional<AnalysisRun> run = analyse("http://127.0.0.1:" + service.getAddress().getPort());
      System.out.println(run.map(r -> "status-check: " + r.status().phase().wireName() + " "
          + r.status().metricResults().get(0).measurements().size() + " measurements")
          .orElse("status-check: did not complete"));
    } finally {
      service.stop(0);
    }
  }
}
