/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.judge.JudgeMetricProvider;
import dev.assay.judge.JudgeSpec;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.RangeQuery;
import dev.assay.spi.ProviderResult;
import dev.assay.template.AnalysisRuns;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistical judge on backfilled latency in a real Prometheus: a stable ReplicaSet, a healthy canary and a
 * canary 50% slower, read with range queries that differ only in the pod-template-hash.
 */
class JudgeRealPrometheusTest {
  private static final String QUERY = "judge_latency_ms{rollouts_pod_template_hash=\"%s\"}";
  private static final RangeQuery LAST_15_MINUTES = new RangeQuery("now() - duration(\"15m\")", "now()", "15s");

  @TempDir
  static Path dir;

  static PrometheusServer server;
  static PrometheusMetricProvider prometheus;

  @BeforeAll
  static void start() throws Exception {
    server = PrometheusServer.start(dir, latencyData());
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

  /** 121 samples at 15 s per ReplicaSet; deterministic +-25% jitter around each median. */
  static String latencyData() {
    StringBuilder out = new StringBuilder("# HELP judge_latency_ms Request latency p99.\n")
        .append("# TYPE judge_latency_ms gauge\n");
    Object[][] sets = {{"st4bl3", 150.0, 0.0}, {"h34lthy", 152.0, 0.37}, {"sl0w", 225.0, 0.71}};
    for (Object[] set : sets) {
      double median = (Double) set[1];
      for (int i = 0; i < 121; i++) {
        double u = ((i * 0.6180339887498949 + (Double) set[2]) % 1.0) * 2 - 1;
        out.append("judge_latency_ms{rollouts_pod_template_hash=\"").append(set[0]).append("\"} ")
            .append(median * (1 + 0.25 * u)).append(' ').append(BackfillData.T0 + 15L * i).append('\n');
      }
    }
    return out.append("# EOF\n").toString();
  }

  private static ProviderSpec series(String hash) {
    return ProviderSpec.of(new PrometheusMetric(server.baseUrl(), String.format(QUERY, hash), null, false,
        List.of(), null, LAST_15_MINUTES));
  }

  private static Map<?, ?> judge(String canaryHash) throws Exception {
    Metric metric = Metric.builder("latency").provider(
        JudgeSpec.builder(series(canaryHash), series("st4bl3")).unit("ms").build().toProviderSpec()).build();
    ProviderResult r = JudgeMetricProvider.delegatingTo(prometheus)
        .run(Contexts.of(metric, BackfillData.END, List.of()));
    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    return (Map<?, ?>) ((ProviderResult.Observed) r).value();
  }

  @Test
  void slowCanary_fails() throws Exception {
    Map<?, ?> result = judge("sl0w");

    assertThat(result.get("verdict")).isEqualTo("fail");
    assertThat(result.get("nCanary")).isEqualTo(61L);
    assertThat(result.get("nBaseline")).isEqualTo(61L);
    assertThat((Double) result.get("ratio")).isBetween(1.4, 1.6);
  }

  @Test
  void healthyCanary_passes() throws Exception {
    Map<?, ?> result = judge("h34lthy");

    assertThat(result.get("verdict")).isEqualTo("pass");
    assertThat((Double) ((List<?>) result.get("ci")).get(1)).isLessThan(0.2);
  }

  @Test
  void latencyTemplate_throughTheEngine_failsTheSlowCanaryWithItsReason() throws Exception {
    AnalysisTemplate template = Manifests.read(String.join("\n",
        "kind: AnalysisTemplate",
        "apiVersion: argoproj.io/v1alpha1",
        "metadata: {name: latency-vs-stable}",
        "spec:",
        "  args: [{name: canary-hash}, {name: stable-hash}]",
        "  metrics:",
        "  - name: latency",
        "    successCondition: result.verdict == \"pass\"",
        "    failureCondition: result.verdict == \"fail\"",
        "    provider:",
        "      plugin:",
        "        assay/judge:",
        "          margin: 0.2",
        "          unit: ms",
        "          canary:",
        "            prometheus:",
        "              address: " + server.baseUrl(),
        "              query: judge_latency_ms{rollouts_pod_template_hash=\"{{args.canary-hash}}\"}",
        "              rangeQuery: {start: now() - duration(\"15m\"), end: now(), step: 15s}",
        "          baseline:",
        "            prometheus:",
        "              address: " + server.baseUrl(),
        "              query: judge_latency_ms{rollouts_pod_template_hash=\"{{args.stable-hash}}\"}",
        "              rangeQuery: {start: now() - duration(\"15m\"), end: now(), step: 15s}",
        ""), AnalysisTemplate.class);

    assertThat(analyse(template, "sl0w").phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(analyse(template, "h34lthy").phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    Measurement slow = analyse(template, "sl0w").metricResults().get(0).measurements().get(0);
    assertThat(slow.value()).contains("lies above the +20% margin").contains("n 61/61");
  }

  @Test
  void discoveredProviders_judgeTheSameSeries() throws Exception {
    Metric metric = Metric.builder("latency").successCondition("result.verdict == \"pass\"").provider(
        JudgeSpec.builder(series("sl0w"), series("st4bl3")).build().toProviderSpec()).build();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("discovered", "shop"),
        new dev.assay.model.AnalysisRunSpec(List.of(metric), List.of(), false, List.of(), List.of(), null));
    ManualClock clock = new ManualClock(BackfillData.END);
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).inlineProviderCalls()
        .discoverProviders(getClass().getClassLoader()).build()) {
      AnalysisHandle handle = engine.start(run);
      scheduler.runUntilIdle(BackfillData.END.plus(Duration.ofMinutes(1)));

      assertThat(handle.status().phase()).isEqualTo(AnalysisPhase.FAILED);
      assertThat(handle.status().metricResults().get(0).measurements().get(0).metadata())
          .containsEntry("verdict", "fail").containsEntry("nCanary", "61");
    }
  }

  private static dev.assay.model.AnalysisRunStatus analyse(AnalysisTemplate template, String canaryHash)
      throws Exception {
    AnalysisRun run = AnalysisRuns.fromTemplates(ObjectMeta.of("rollout-latency", "shop"), List.of(template),
        List.of(Argument.of("canary-hash", canaryHash), Argument.of("stable-hash", "st4bl3")));
    ManualClock clock = new ManualClock(BackfillData.END);
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (AnalysisEngine engine = AnalysisEngine.builder().clock(clock).scheduler(scheduler).inlineProviderCalls()
        .provider(prometheus).provider(JudgeMetricProvider.delegatingTo(prometheus)).build()) {
      AnalysisHandle handle = engine.start(run);
      scheduler.runUntilIdle(BackfillData.END.plus(Duration.ofMinutes(1)));
      assertThat(handle.isDone()).isTrue();
      return handle.status();
    }
  }
}
