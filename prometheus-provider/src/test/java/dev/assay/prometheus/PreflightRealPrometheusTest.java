/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-flight against a real Prometheus (docs/preflight.md): a query that does not parse and a server that does not
 * answer fail the run at once, in virtual time, naming the query and the cause; without pre-flight the same run is
 * still retrying.
 */
class PreflightRealPrometheusTest {
  private static final String BAD_QUERY = "sum(rate(http_requests_total[5m]";

  @TempDir
  static Path dir;

  static PrometheusServer server;
  static PrometheusMetricProvider provider;

  @BeforeAll
  static void start() throws Exception {
    server = PrometheusServer.start(dir, BackfillData.openMetrics());
    provider = PrometheusMetricProvider.builder().environment(k -> null).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static AnalysisRun run(String address, String query) {
    Metric m = Metric.builder("error-rate").interval("1m").count(IntOrString.of(5))
        .successCondition("len(result) > 0 && result[0] < 0.05")
        .provider(ProviderSpec.of(PrometheusMetric.of(address, query))).build();
    return AnalysisRun.of(ObjectMeta.of("canary", "ns"),
        new AnalysisRunSpec(List.of(m), List.of(), false, List.of(), List.of(), null));
  }

  /** Where a run stands after at most one virtual second. */
  record Outcome(boolean isDone, AnalysisRunStatus status) {}

  /** Runs until done or one virtual second has passed. */
  private static Outcome runForOneSecond(AnalysisRun run, boolean preflight, ManualClock clock) {
    ManualScheduler scheduler = new ManualScheduler(clock);
    try (AnalysisEngine engine = AnalysisEngine.builder().provider(provider).clock(clock).scheduler(scheduler)
        .inlineProviderCalls().preflight(preflight).build()) {
      AnalysisHandle handle = engine.start(run);
      for (int i = 0; i < 100 && !handle.isDone(); i++) {
        scheduler.advanceBy(Duration.ofMillis(10));
      }
      return new Outcome(handle.isDone(), handle.status());
    }
  }

  @Test
  void badQuery_failsTheRunAtOnceNamingTheQueryAndTheParseError() {
    ManualClock clock = new ManualClock(BackfillData.END);

    Outcome outcome = runForOneSecond(run(server.baseUrl(), BAD_QUERY), true, clock);

    assertThat(outcome.isDone()).isTrue();
    assertThat(Duration.between(BackfillData.END, clock.instant())).isLessThan(Duration.ofSeconds(1));
    assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(outcome.status().message())
        .startsWith("Pre-flight check failed for metric \"error-rate\" (provider prometheus): ")
        .contains("query \"" + BAD_QUERY + "\"")
        .contains("bad_data:")
        .contains("parse error");
    assertThat(outcome.status().metricResults()).as("nothing was measured").isEmpty();
  }

  @Test
  void unreachableServer_failsTheRunAtOnceNamingTheQueryAndTheConnectionError() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ManualClock clock = new ManualClock(BackfillData.END);

    Outcome outcome = runForOneSecond(run("http://127.0.0.1:" + closedPort, BackfillData.ERROR_RATE), true,
        clock);

    assertThat(outcome.isDone()).isTrue();
    assertThat(Duration.between(BackfillData.END, clock.instant())).isLessThan(Duration.ofSeconds(1));
    assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(outcome.status().message())
        .contains("query \"" + BackfillData.ERROR_RATE + "\"")
        .contains("127.0.0.1:" + closedPort)
        .contains("Failed to connect to /127.0.0.1:" + closedPort);
  }

  @Test
  void withoutPreflight_theBadQueryIsStillRetryingAfterOneSecond() {
    Outcome outcome = runForOneSecond(run(server.baseUrl(), BAD_QUERY), false,
        new ManualClock(BackfillData.END));

    assertThat(outcome.isDone()).as(outcome.status().toString()).isFalse();
    assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(outcome.status().metricResult("error-rate").orElseThrow().error()).isEqualTo(1);
  }

  @Test
  void goodQuery_passesPreflightAndMeasures() {
    Outcome outcome = runForOneSecond(run(server.baseUrl(), BackfillData.ERROR_RATE), true,
        new ManualClock(BackfillData.END));

    assertThat(outcome.status().phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(outcome.status().metricResult("error-rate").orElseThrow().measurements()).singleElement()
        .satisfies(m -> assertThat(m.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL));
  }
}
