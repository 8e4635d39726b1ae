/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.Measurement;
import dev.assay.model.ObjectMeta;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The p99-versus-stable metric of the README on backfilled latency histograms: per 15 s step,
 * each ReplicaSet gets 1,000 observations whose p99 varies from step to step; the slow canary's p99 is about 50%
 * above stable's.
 */
class JudgeHistogramPrometheusTest {
  private static final String[] LE = {"0.1", "0.25", "0.5", "1.0", "2.5", "+Inf"};

  @TempDir
  static Path dir;

  static PrometheusServer server;
  static PrometheusMetricProvider prometheus;

  @BeforeAll
  static void start() throws Exception {
    server = PrometheusServer.start(dir, histograms());
    prometheus = PrometheusMetricProvider.builder().environment(k -> null).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /**
   * Per-step bucket increments (not cumulative) for a p99 inside (0.25, 0.5] (stable and healthy canary: 0.4 to
   * 0.475) or inside (0.5, 1] (slow canary: 0.6 to 0.75).
   */
  static long[] increments(boolean slow, int jitter) {
    if (slow) {
      int a = 2 + jitter;
      return new long[] {800, 180 - a, 10, 10, a, 0};
    }
    int a = 6 + jitter;
    return new long[] {800, 184 - a, 10, a, 0, 0};
  }

  static String histograms() {
    StringBuilder out = new StringBuilder("# HELP http_request_duration_seconds Request latency.\n")
        .append("# TYPE http_request_duration_seconds histogram\n");
    Object[][] sets = {{"st4bl3", false, 0}, {"h34lthy", false, 1}, {"sl0w", true, 2}};
    for (Object[] set : sets) {
      long[] cumulative = new long[LE.length];
      StringBuilder count = new StringBuilder();
      StringBuilder sum = new StringBuilder();
      List<StringBuilder> buckets = List.of(new StringBuilder(), new StringBuilder(), new StringBuilder(),
          new StringBuilder(), new StringBuilder(), new StringBuilder());
      for (int i = 0; i < 121; i++) {
        long ts = BackfillData.T0 + 15L * i;
        if (i > 0) {
          long[] inc = increments((Boolean) set[1], (i * 7 + (Integer) set[2]) % 4);
          long running = 0;
          for (int b = 0; b < LE.length; b++) {
            running += inc[b];
            cumulative[b] += running;
          }
        }
        String labels = "{service=\"shop\",rollouts_pod_template_hash=\"" + set[0] + "\"";
        for (int b = 0; b < LE.length; b++) {
          buckets.get(b).append("http_request_duration_seconds_bucket").append(labels).append(",le=\"")
              .append(LE[b]).append("\"} ").append(cumulative[b]).append(' ').append(ts).append('\n');
        }
        count.append("http_request_duration_seconds_count").append(labels).append("} ")
            .append(cumulative[LE.length - 1]).append(' ').append(ts).append('\n');
        sum.append("http_request_duration_seconds_sum").append(labels).append("} ")
            .append(0.2 * cumulative[LE.length - 1]).append(' ').append(ts).append('\n');
      }
      buckets.forEach(out::append);
      out.append(count).append(sum);
    }
    return out.append("# EOF\n").toString();
  }

  private static AnalysisRunStatus analyse(String canaryHash) throws IOException {
    String yaml;
    try (InputStream in = JudgeHistogramPrometheusTest.class.getResourceAsStream("/judge/p99-vs-stable.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    AnalysisTemplate template = Manifests.read(yaml, AnalysisTemplate.class);
    ManualClock clock = new ManualClock(BackfillData.END);
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).inlineProviderCalls()
        .provider(prometheus).provider(JudgeMetricProvider.delegatingTo(prometheus)).build()) {
      AnalysisHandle handle = engine.start(ObjectMeta.of("latency-" + canaryHash, "shop"), List.of(template),
          List.of(Argument.of("service-name", "shop"), Argument.of("canary-hash", canaryHash),
              Argument.of("stable-hash", "st4bl3"), Argument.of("prometheus-address", server.baseUrl())));
      scheduler.runUntilIdle(BackfillData.END.plus(Duration.ofMinutes(1)));
      assertThat(handle.isDone()).isTrue();
      return handle.status();
    }
  }

  @Test
  void p99VsStable_slowCanary_failsWithItsReason() throws IOException {
    AnalysisRunStatus status = analyse("sl0w");

    assertThat(status.phase()).isEqualTo(AnalysisPhase.FAILED);
    Measurement m = status.metricResults().get(0).measurements().get(0);
    assertThat(m.metadata()).containsEntry("verdict", "fail").containsEntry("nCanary", "41");
    assertThat(Double.parseDouble(m.metadata().get("ratio"))).isBetween(1.3, 1.8);
    assertThat(m.value()).contains("lies above the +20% margin");
  }

  @Test
  void p99VsStable_healthyCanary_passes() throws IOException {
    AnalysisRunStatus status = analyse("h34lthy");

    assertThat(status.phase()).as("%s", status.metricResults()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(status.metricResults().get(0).measurements().get(0).metadata()).containsEntry("verdict", "pass");
  }
}
