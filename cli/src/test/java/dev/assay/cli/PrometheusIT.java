/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.cli.AssayJar.Result;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.prometheus.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}, {@code describe} and {@code backtest} through the jar against a real Prometheus over backfilled data
 * with a healthy period and an injected incident ({@link IncidentData}). Skipped without the {@code prometheus}
 * binary unless {@code -Dassay.requireExternal=true}.
 */
class PrometheusIT {
  private static final Pattern ROW = Pattern.compile("^(\\S+Z)\\s+(Successful|Failed|Inconclusive|Error|Running)\\b",
      Pattern.MULTILINE);

  @TempDir static Path serverDir;
  @TempDir Path dir;

  private static PrometheusServer server;
  private static IncidentData data;

  @BeforeAll
  static void startPrometheus() throws Exception {
    data = new IncidentData(Instant.now());
    server = PrometheusServer.start(serverDir, data.openMetrics());
  }

  @AfterAll
  static void stopPrometheus() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String errorRateTemplate() {
    return AssayJar.TEMPLATES.resolve("error-rate-analysis.yaml").toString();
  }

  @Test
  void backtestFindsTheIncidentAtTheRightStepAndPassesTheHealthyPeriod() throws Exception {
    Instant from = data.start().plus(Duration.ofMinutes(60));
    Instant to = data.start().plus(Duration.ofMinutes(120));
    Result r = AssayJar.run(dir, "backtest", errorRateTemplate(), "--prometheus", server.baseUrl(),
        "--from", from.toString(), "--to", to.toString(), "--step", "1m",
        "--arg", "service-name=" + IncidentData.SERVICE, "--arg", "namespace=" + IncidentData.NAMESPACE,
        "--arg", "canary-hash=" + IncidentData.CANARY, "--arg", "stable-hash=" + IncidentData.STABLE);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);

    Map<Instant, String> verdicts = new LinkedHashMap<>();
    Matcher m = ROW.matcher(r.out());
    while (m.find()) {
      verdicts.put(Instant.parse(m.group(1)), m.group(2));
    }
    assertThat(verdicts).as(r.out()).hasSize(61);
    Instant incident = data.incident();
    // The template looks 5 times a minute apart over a 2-minute window, and the first incident sample is at
    // incident + 15 s: the look at incident + 1 min is the first to see it (25% errors >= 10%). So a run started
    // 4 minutes before the incident passes (its last look is at the incident), one started 3 minutes before fails.
    verdicts.forEach((start, verdict) -> {
      if (!start.isAfter(incident.minus(Duration.ofMinutes(4)))) {
        assertThat(verdict).as("healthy period, run started %s", start).isEqualTo("Successful");
      }
    });
    assertThat(verdicts.get(incident.minus(Duration.ofMinutes(3)))).isEqualTo("Failed");
    assertThat(verdicts.get(incident.plus(Duration.ofMinutes(5)))).isEqualTo("Failed");
    assertThat(verdicts.get(incident.plus(Duration.ofMinutes(20)))).as("after recovery").isEqualTo("Successful");
    assertThat(r.out()).contains("First failing time: " + incident.plus(Duration.ofMinutes(1)) + ", in runs started "
        + "from " + incident.minus(Duration.ofMinutes(3)) + ": Metric \"error-rate\" assessed Failed due to failed "
        + "(1) > failureLimit (0)");
    assertThat(r.out()).contains("Timeline").contains("X").contains("Runs: ");
  }

  @Test
  void backtestReportsWebMetricsAsNotReplayable() throws Exception {
    Path mixed = AssayJar.resource("mixed.yaml", dir);
    Instant at = data.start().plus(Duration.ofMinutes(30));
    Result r = AssayJar.run(dir, "backtest", mixed.toString(), "--prometheus", server.baseUrl(),
        "--from", at.toString(), "--to", at.plus(Duration.ofMinutes(2)).toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Replayed:       error-rate")
        .contains("Not replayable: health (web: calls a live system, which has no history to replay)")
        .contains("Runs: 3 Successful");
  }

  @Test
  void backtestOfAnUnreachableServerIsBadInput() throws Exception {
    Result r = AssayJar.run(dir, "backtest", errorRateTemplate(), "--prometheus", "http://127.0.0.1:1",
        "--from", "now-10m", "--to", "now", "--arg", "service-name=x", "--arg", "namespace=y",
        "--arg", "canary-hash=z", "--arg", "stable-hash=s");
    assertThat(r.exit()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).startsWith("assay: cannot reach Prometheus at http://127.0.0.1:1").hasLineCount(1);
  }

  @Test
  void runPassesWritesTheRunAndDescribeExplainsIt() throws Exception {
    Path template = AssayJar.resource("error-rate-quick.yaml", dir);
    Result r = AssayJar.run(dir, "run", template.toString(), "--prometheus", server.baseUrl(),
        "--arg", "interval=1s", "--output", "run.yaml", "--report", "run.html");
    assertThat(r.exit()).as(r.toString()).isZero();
    // not a terminal: plain progress lines, then the verdict
    assertThat(r.out()).containsPattern("\\[\\s+\\d+s\\] error-rate  1/3  \\[0\\.0099\\d*\\]  Successful")
        .contains("error-rate  -> Successful").contains("Verdict: Successful")
        .doesNotContain("\033[");
    AnalysisRun run = Manifests.read(dir.resolve("run.yaml"), AnalysisRun.class);
    assertThat(run.status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(run.status().metricResults()).extracting(x -> x.name() + " " + x.count())
        .containsExactly("error-rate 3", "p99-vs-stable 2");
    assertThat(run.status().metricResults().get(1).measurements().get(0).metadata())
        .containsKeys("canary.sample", "baseline.sample", "ci", "shift");
    assertThat(Files.readString(dir.resolve("run.html"))).contains("id=\"verdict\">Successful</span>");

    Result d = AssayJar.run(dir, "describe", "run.yaml");
    assertThat(d.exit()).as(d.toString()).isZero();
    assertThat(d.out()).contains("Address:                " + server.baseUrl() + " (--prometheus; the template says "
        + "http://prometheus.monitoring.svc:9090)")
        .contains("rollouts_pod_template_hash=\"c4n4ry\"")
        .contains("Decided by:             assessed Successful: 3 measurement(s) taken, no limit exceeded");
  }

  @Test
  void runExitCodesFollowTheVerdict() throws Exception {
    Path template = AssayJar.resource("error-rate-quick.yaml", dir);
    String t = template.toString();
    Result failed = AssayJar.run(dir, "run", t, "--prometheus", server.baseUrl(), "--arg", "interval=1s",
        "--arg", "fail-at=0.005");
    assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.out()).contains("Verdict: Failed - Metric \"error-rate\" assessed Failed due to failed (1) > "
        + "failureLimit (0)");

    Result inconclusive = AssayJar.run(dir, "run", t, "--prometheus", server.baseUrl(), "--arg", "interval=1s",
        "--arg", "max-error-rate=0.005");
    assertThat(inconclusive.exit()).as(inconclusive.toString()).isEqualTo(2);
    assertThat(inconclusive.out()).contains("Verdict: Inconclusive");

    Result error = AssayJar.run(dir, "run", t, "--prometheus", "http://127.0.0.1:1", "--arg", "interval=1s");
    assertThat(error.exit()).as(error.toString()).isEqualTo(3);
    assertThat(error.out()).contains("Verdict: Error").contains("consecutiveErrorLimit (4)");
  }

  @Test
  void runWalksARolloutsCanarySteps() throws Exception {
    Path template = AssayJar.resource("error-rate-quick.yaml", dir);
    Path rollout = AssayJar.resource("rollout.yaml", dir);
    Result r = AssayJar.run(dir, "run", template.toString(), "--rollout", rollout.toString(), "--prometheus",
        server.baseUrl(), "--output", "runs.yaml");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("step 1/4  setWeight 20%").contains("canary weight 20%")
        .contains("step 2/4  pause 1s").contains("step 3/4  analysis error-rate-quick")
        .contains(": Successful").contains("canary weight 100%").contains("Rollout PROMOTED");
    List<AnalysisRun> runs = Manifests.read(dir.resolve("runs.yaml")).stream().map(AnalysisRun.class::cast)
        .toList();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).status().phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }
}
