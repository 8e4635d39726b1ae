/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.samples.provider;

import dev.assay.engine.AnalysisEngine;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.ObjectMeta;
import dev.assay.template.AnalysisRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a template whose metric uses {@link QueueDepthProvider}. */
public final class CustomProviderSample {
  static final String TEMPLATE = String.join("\n",
      "apiVersion: argoproj.io/v1alpha1",
      "kind: AnalysisTemplate",
      "metadata: {name: orders-backlog}",
      "spec:",
      "  metrics:",
      "  - name: backlog",
      "    successCondition: result < 100",
      "    provider:",
      "      queue-depth: {queue: orders}",
      "");

  private CustomProviderSample() {}

  /**
   * Runs the sample.
   *
   * @param args unused
   * @throws InterruptedException when interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    System.out.println(run(Map.of("orders", 42.0)).status().phase().wireName());
  }

  /**
   * Runs the template against queues of the given depths.
   *
   * @param depths queue depths by name
   * @return the completed run
   * @throws InterruptedException when interrupted
   */
  public static AnalysisRun run(Map<String, Double> depths) throws InterruptedException {
    AnalysisTemplate template = Manifests.read(TEMPLATE, AnalysisTemplate.class);
    try (AnalysisEngine engine = AnalysisEngine.builder()
        .provider(new QueueDepthProvider(q -> depths.getOrDefault(q, Double.NaN))).build()) {
      return engine.run(AnalysisRuns.fromTemplates(ObjectMeta.of("orders-backlog", "shop"), List.of(template),
          List.of()), Duration.ofSeconds(30));
    }
  }
}
