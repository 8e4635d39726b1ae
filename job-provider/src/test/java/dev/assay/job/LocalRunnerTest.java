/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job;

import static dev.assay.job.JobTestSupport.T0;
import static dev.assay.job.JobTestSupport.containerSpec;
import static dev.assay.job.JobTestSupport.context;
import static dev.assay.job.JobTestSupport.inFlight;
import static dev.assay.job.JobTestSupport.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner with real {@code sh -c} child processes; no process may outlive a test. */
class LocalRunnerTest {
  private static final RunRef RUN = new RunRef("harness", "", "");
  private static final Map<String, Object> LOCAL = Map.of("annotations", Map.of("assay.dev/runner", "local"));

  private final List<ProcessHandle> started = new ArrayList<>();
  private List<String> secrets = List.of();
  private JobMetricProvider provider = provider(Duration.ofSeconds(1), 64 * 1024);

  private static JobMetricProvider provider(Duration grace, int outputLimit) {
    return JobMetricProvider.builder().environment(k -> null).allowLocalRunner(true).localGracePeriod(grace)
        .localOutputLimit(outputLimit).build();
  }

  @AfterEach
  void noProcessSurvives() throws Exception {
    for (ProcessHandle root : List.copyOf(started)) {
      root.descendants().forEach(started::add);
    }
    provider.close();
    for (ProcessHandle h : started) {
      h.onExit().get(10, TimeUnit.SECONDS);
      assertThat(h.isAlive()).as("process %d is still alive", h.pid()).isFalse();
    }
  }

  static Metric sh(String script, Map<String, Object> metadata, Map<String, Object> containerExtras) {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "sh");
    container.put("image", "ignored-by-the-local-runner");
    container.put("command", List.of("sh", "-c", script));
    container.putAll(containerExtras);
    return metric("check", metadata, containerSpec(container));
  }

  static Metric sh(String script) {
    return sh(script, LOCAL, Map.of());
  }

  static Metric withDeadline(Metric metric, long seconds) {
    Map<String, Object> spec = new LinkedHashMap<>(metric.provider().job().spec());
    spec.put("activeDeadlineSeconds", seconds);
    return metric("check", metric.provider().job().metadata(), spec);
  }

  private Measurement start(Metric metric) {
    ProviderResult result = provider.run(context(RUN, metric, T0, secrets));
    assertThat(result).isInstanceOf(ProviderResult.Pending.class);
    ProcessHandle.of(Long.parseLong(result.metadata().get("pid"))).ifPresent(started::add);
    return inFlight(result, T0);
  }

  private static boolean alive(Measurement m) {
    return ProcessHandle.of(Long.parseLong(m.metadata().get("pid"))).map(ProcessHandle::isAlive).orElse(false);
  }

  /** A bounded wait for the real process to exit: not a timing sleep. */
  private void awaitExit(Measurement m) throws Exception {
    ProcessHandle.of(Long.parseLong(m.metadata().get("pid")))
        .ifPresent(h -> assertThat(h.onExit().orTimeout(30, TimeUnit.SECONDS).join().isAlive()).isFalse());
  }

  /**
   * Polls real process state (bounded) until the root has a child, so the script got past its first commands. The
   * scripts end with a command after the child, so no shell replaces itself with the child ({@code exec}).
   */
  private List<ProcessHandle> awaitChildren(Measurement m) {
    return awaitChild(m, "");
  }

  /** Like {@link #awaitChildren} for a child whose command ends with {@code command}. */
  private List<ProcessHandle> awaitChild(Measurement m, String command) {
    ProcessHandle root = ProcessHandle.of(Long.parseLong(m.metadata().get("pid"))).orElseThrow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<ProcessHandle> children = List.of();
    while (children.isEmpty() && System.nanoTime() < deadline) {
      children = root.descendants()
          .filter(h -> h.info().command().orElse("").endsWith(command)).toList();
      Thread.onSpinWait();
    }
    assertThat(children).as("the script's child process").isNotEmpty();
    started.addAll(children);
    return children;
  }

  private ProviderResult resume(Metric metric, Measurement m, Instant now) {
    return provider.resume(context(RUN, metric, now, secrets), m);
  }

  /**
   * Resumes after the real process exited. The JVM records a child's exit on its own reaper thread, a moment after
   * the process handle completes, so this polls the provider (bounded) until it reports the exit.
   */
  private ProviderResult resumeAfterExit(Metric metric, Measurement m, Instant now) throws Exception {
    awaitExit(m);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    ProviderResult result = resume(metric, m, now);
    while (result instanceof ProviderResult.Pending && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      result = resume(metric, m, now);
    }
    return result;
  }

  @Test
  void exitZero_successfulWithOutputTailInMessage() throws Exception {
    Metric metric = sh("echo hello; echo oops >&2");
    Measurement m = start(metric);

    ProviderResult result = resumeAfterExit(metric, m, T0.plusSeconds(1));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(d.message()).isEqualTo("Process exited with code 0\nstdout:\nhello\nstderr:\noops");
      assertThat(d.metadata()).containsEntry("exit-code", "0").containsEntry("job-runner", "local")
          .containsEntry("job-name", "harness.check.1");
    });
  }

  @Test
  void exitNonZero_failed() throws Exception {
    Metric metric = sh("echo bad news; exit 3");
    Measurement m = start(metric);

    ProviderResult result = resumeAfterExit(metric, m, T0.plusSeconds(1));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.FAILED);
      assertThat(d.message()).isEqualTo("Process exited with code 3\nstdout:\nbad news");
    });
  }

  @Test
  void stillRunning_pendingWithSqrtBackoffCappedAtTheTimeout() {
    Metric metric = withDeadline(sh("sleep 30"), 5);
    Measurement m = start(metric);

    ProviderResult early = resume(metric, m, T0.plusSeconds(2));
    ProviderResult late = resume(metric, m, T0.plusMillis(4500));

    assertThat(((ProviderResult.Pending) early).resumeAt()).isEqualTo(T0.plusSeconds(4));
    assertThat(((ProviderResult.Pending) late).resumeAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(provider.terminate(context(RUN, metric, T0.plusSeconds(5)), m))
        .isInstanceOfSatisfying(ProviderResult.Decided.class,
            d -> assertThat(d.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE));
  }

  @Test
  void timeout_sigtermThenInconclusive() throws Exception {
    Metric metric = withDeadline(sh("sleep 30; echo after"), 1);
    Measurement m = start(metric);
    awaitChildren(m);

    ProviderResult atDeadline = resume(metric, m, T0.plusSeconds(1));
    assertThat(atDeadline).isInstanceOfSatisfying(ProviderResult.Pending.class,
        p -> assertThat(p.resumeAt()).isEqualTo(T0.plusSeconds(2)));
    ProviderResult after = resumeAfterExit(metric, m, T0.plusMillis(1100));

    assertThat(after).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
      assertThat(d.message()).startsWith("Process timed out after 1s and was killed");
    });
  }

  @Test
  void timeout_processIgnoringSigterm_killedAfterGracePeriod() {
    Metric metric = withDeadline(sh("trap '' TERM; echo ready; sleep 30; echo survived"), 1);
    Measurement m = start(metric);
    List<ProcessHandle> children = awaitChildren(m);

    assertThat(resume(metric, m, T0.plusSeconds(1))).isInstanceOf(ProviderResult.Pending.class);
    ProviderResult inGrace = resume(metric, m, T0.plusMillis(1500));
    assertThat(inGrace).isInstanceOfSatisfying(ProviderResult.Pending.class,
        p -> assertThat(p.resumeAt()).isEqualTo(T0.plusSeconds(2)));
    assertThat(alive(m)).as("SIGTERM is ignored").isTrue();
    ProviderResult afterGrace = resume(metric, m, T0.plusSeconds(2));

    assertThat(afterGrace).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
      assertThat(d.message()).contains("timed out").contains("ready").doesNotContain("survived");
    });
    assertThat(alive(m)).isFalse();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void terminate_processIgnoringSigterm_treeKilledAfterBoundedWait() {
    provider = provider(Duration.ofMillis(200), 1024);
    Metric metric = sh("trap '' TERM; sleep 30; echo after");
    Measurement m = start(metric);
    List<ProcessHandle> children = awaitChildren(m);

    ProviderResult result = provider.terminate(context(RUN, metric, T0.plusSeconds(1)), m);

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
      assertThat(d.message()).startsWith("Process terminated");
    });
    assertThat(alive(m)).isFalse();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void floodingStdout_keepsOnlyTheTail() throws Exception {
    provider = provider(Duration.ofSeconds(1), 1024);
    Metric metric = sh("head -c 3000000 /dev/zero | tr '\\0' x; echo; echo done");
    Measurement m = start(metric);

    ProviderResult result = resumeAfterExit(metric, m, T0.plusSeconds(1));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class, d -> {
      assertThat(d.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
      assertThat(d.message()).containsPattern("\\[\\d+ earlier bytes dropped]\n").endsWith("x\ndone");
      assertThat(d.message().length()).isLessThan(1024 + 100);
    });
  }

  @Test
  void floodingStdoutThenHanging_terminateKeepsTailAndStopsIt() {
    provider = provider(Duration.ofSeconds(1), 1024);
    Metric metric = sh("yes flood | head -c 300000; sleep 30; echo after");
    Measurement m = start(metric);
    // sleep starts only once more than a pipe buffer of output was read, so there is output to keep.
    awaitChild(m, "sleep");

    ProviderResult result = provider.terminate(context(RUN, metric, T0.plusSeconds(1)), m);

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class,
        d -> assertThat(d.message()).contains("flood\nflood").hasSizeLessThan(1024 + 100));
    assertThat(alive(m)).isFalse();
  }

  @Test
  void jsonLastLine_optIn_observedValueForTheConditions() throws Exception {
    Map<String, Object> annotations = Map.of("assay.dev/runner", "local", "assay.dev/result", "last-line-json");
    Metric metric = sh("echo warming up; echo '{\"p99\": 0.25, \"ok\": true, \"n\": [1, 2]}'; echo",
        Map.of("annotations", annotations), Map.of());
    Measurement m = start(metric);

    ProviderResult result = resumeAfterExit(metric, m, T0.plusSeconds(1));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Observed.class, o -> {
      assertThat(o.value()).isEqualTo(Map.of("p99", 0.25, "ok", true, "n", List.of(1.0, 2.0)));
      assertThat(o.display()).isEqualTo("{\"p99\": 0.25, \"ok\": true, \"n\": [1, 2]}");
      assertThat(o.metadata()).containsEntry("exit-code", "0").containsKey("output");
    });
  }

  @Test
  void jsonLastLine_notJson_error() throws Exception {
    Map<String, Object> annotations = Map.of("assay.dev/runner", "local", "assay.dev/result", "last-line-json");
    Metric metric = sh("echo all good", Map.of("annotations", annotations), Map.of());
    Measurement m = start(metric);

    assertThat(resumeAfterExit(metric, m, T0.plusSeconds(1))).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).isEqualTo(
            "the last line of standard output is not JSON (assay.dev/result: last-line-json): all good"));
  }

  @Test
  void jsonLastLine_nonZeroExit_failedWithoutParsing() throws Exception {
    Map<String, Object> annotations = Map.of("assay.dev/runner", "local", "assay.dev/result", "last-line-json");
    Metric metric = sh("echo '{\"x\": 1}'; exit 1", Map.of("annotations", annotations), Map.of());
    Measurement m = start(metric);

    assertThat(resumeAfterExit(metric, m, T0.plusSeconds(1))).isInstanceOfSatisfying(ProviderResult.Decided.class,
        d -> assertThat(d.phase()).isEqualTo(AnalysisPhase.FAILED));
  }

  @Test
  void environmentAndWorkingDirectory_passedToTheProcess(@TempDir Path dir) throws Exception {
    Map<String, Object> extras = Map.of(
        "env", List.of(Map.of("name", "GREETING", "value", "bonjour")), "workingDir", dir.toString());
    Metric metric = sh("echo \"$GREETING\"; pwd", LOCAL, extras);
    Measurement m = start(metric);
    Path real = dir.toRealPath();

    assertThat(resumeAfterExit(metric, m, T0.plusSeconds(1))).isInstanceOfSatisfying(ProviderResult.Decided.class,
        d -> assertThat(d.message()).contains("bonjour\n" + real));
  }

  @Test
  void secretValuesInOutput_redacted() throws Exception {
    Metric metric = sh("echo token=s3cr3t-value");
    secrets = List.of("s3cr3t-value");
    Measurement m = start(metric);

    ProviderResult result = resumeAfterExit(metric, m, T0.plusSeconds(1));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Decided.class,
        d -> assertThat(d.message()).contains("token=*****").doesNotContain("s3cr3t"));
  }

  @Test
  void defaultRunnerLocal_metricWithoutAnnotationRunsLocally() throws Exception {
    provider = JobMetricProvider.builder().environment(k -> null).defaultRunner(JobRunner.LOCAL).build();
    Metric metric = sh("exit 0", Map.of(), Map.of());
    Measurement m = start(metric);

    assertThat(resumeAfterExit(metric, m, T0.plusSeconds(1))).isInstanceOfSatisfying(ProviderResult.Decided.class,
        d -> assertThat(d.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL));
  }

  @Test
  void programNotFound_error() {
    Map<String, Object> container = Map.of("name", "x", "command", List.of("/nonexistent/program"));
    ProviderResult result = provider.run(context(RUN, metric("check", LOCAL, containerSpec(container)), T0));

    assertThat(result).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).startsWith("cannot start the process of harness.check.1: "));
  }

  @Test
  void resume_unknownProcess_error() {
    Metric metric = sh("true");
    Measurement m = inFlight(Map.of("job-name", "gone.check.1", "job-runner", "local"), T0);

    assertThat(resume(metric, m, T0)).isInstanceOfSatisfying(ProviderResult.Errored.class,
        e -> assertThat(e.message()).isEqualTo("process \"gone.check.1\" not found"));
  }
}
