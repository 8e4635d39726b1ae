/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.assay.job.JobRunner;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.JobMetric;
import dev.assay.model.Measurement;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runner: each measurement is a child process. Decisions about time (timeout, grace period) compare the
 * engine clock's {@code now} with the measurement's start; whether the process has exited comes from the real process
 * handle. Thread-safe.
 */
public final class LocalProcesses implements AutoCloseable {
  /** Measurement metadata key: which runner took the measurement ({@code local}). */
  public static final String RUNNER_KEY = "job-runner";
  /** Measurement metadata key: the process id. */
  public static final String PID_KEY = "pid";
  /** Measurement metadata key: the exit code of a finished process. */
  public static final String EXIT_CODE_KEY = "exit-code";
  /** Measurement metadata key: the output tails of a process whose JSON line became {@code result}. */
  public static final String OUTPUT_KEY = "output";
  /** The longest real-time wait for a killed process tree to be gone. */
  static final Duration REAP_WAIT = Duration.ofSeconds(5);
  /** The longest real-time wait for the output of an exited process to be read to its end. */
  static final Duration DRAIN_WAIT = Duration.ofSeconds(2);

  private static final Logger logger = LoggerFactory.getLogger(LocalProcesses.class);

  private final Map<String, RunningProcess> running = new ConcurrentHashMap<>();
  private final Duration defaultTimeout;
  private final Duration gracePeriod;
  private final int outputLimit;

  /**
   * Creates the runner.
   *
   * @param defaultTimeout the timeout of a job block without {@code activeDeadlineSeconds}
   * @param gracePeriod how long a process may take to exit after SIGTERM before it is killed
   * @param outputLimit bytes kept per output stream
   */
  public LocalProcesses(Duration defaultTimeout, Duration gracePeriod, int outputLimit) {
    this.defaultTimeout = defaultTimeout;
    this.gracePeriod = gracePeriod;
    this.outputLimit = outputLimit;
  }

  /**
   * Starts the process of a new measurement.
   *
   * @param ctx the call context
   * @param job the metric's job block
   * @return Pending (resume now) with {@code job-name}, {@code job-runner} and {@code pid} metadata, or Errored
   */
  public ProviderResult run(MeasurementContext ctx, JobMetric job) {
    LocalCommand command = LocalCommand.from(job, defaultTimeout);
    String name =
        JobManifest.jobName(JobManifest.runKey(ctx.run()), ctx.metric().name(), JobManifest.nextNumber(ctx.result()));
    RunningProcess process = running.get(name);
    if (process == null) {
      try {
        process = RunningProcess.start(command, outputLimit, ctx.now());
      } catch (IOException | RuntimeException e) {
        return ProviderResult.error(ctx.redact("cannot start the process of " + name + ": " + e.getMessage()));
      }
      running.put(name, process);
      logger.debug("process {} started with pid {}", name, process.pid());
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(KubernetesJobs.JOB_NAME_KEY, name);
    metadata.put(RUNNER_KEY, JobRunner.LOCAL.annotationValue());
    metadata.put(PID_KEY, Long.toString(process.pid()));
    return new ProviderResult.Pending(ctx.now(), metadata);
  }

  /**
   * Polls the process of an in-flight measurement; past the timeout, stops it (SIGTERM, then SIGKILL after the grace
   * period, both judged with {@code ctx.now()}).
   *
   * @param ctx the call context
   * @param inFlight the measurement
   * @return the outcome
   */
  public ProviderResult resume(MeasurementContext ctx, Measurement inFlight) {
    String name = inFlight.metadata().getOrDefault(KubernetesJobs.JOB_NAME_KEY, "");
    RunningProcess process = running.get(name);
    if (process == null) {
      return ProviderResult.error(
          name.isEmpty() ? "job metadata reference missing" : "process \"" + name + "\" not found");
    }
    if (!process.isAlive()) {
      return finish(ctx, name, process, inFlight);
    }
    process.rememberDescendants();
    Instant now = ctx.now();
    Instant termAt = process.terminationRequestedAt();
    if (termAt != null) {
      if (now.isBefore(termAt.plus(gracePeriod))) {
        return new ProviderResult.Pending(termAt.plus(gracePeriod), inFlight.metadata());
      }
      process.killTree(REAP_WAIT);
      return finish(ctx, name, process, inFlight);
    }
    Instant deadline = process.startedAt().plus(process.command().timeout());
    if (!now.isBefore(deadline)) {
      logger.debug("process {} timed out; stopping it", name);
      process.requestTermination(now);
      if (gracePeriod.isZero()) {
        process.killTree(REAP_WAIT);
        return finish(ctx, name, process, inFlight);
      }
      return new ProviderResult.Pending(now.plus(gracePeriod), inFlight.metadata());
    }
    Instant start = inFlight.startedAt() == null ? process.startedAt() : inFlight.startedAt();
    Instant next = Backoff.nextPoll(start, now);
    return new ProviderResult.Pending(next.isAfter(deadline) ? deadline : next, inFlight.metadata());
  }

  /**
   * Stops the process of an in-flight measurement: SIGTERM to the tree, a real-time wait of at most the grace
   * period, then SIGKILL to whatever is left.
   *
   * @param ctx the call context
   * @param inFlight the measurement
   * @return Inconclusive with the output tails
   */
  public ProviderResult terminate(MeasurementContext ctx, Measurement inFlight) {
    String name = inFlight.metadata().getOrDefault(KubernetesJobs.JOB_NAME_KEY, "");
    RunningProcess process = running.remove(name);
    if (process == null) {
      return new ProviderResult.Decided(AnalysisPhase.INCONCLUSIVE, "", "", inFlight.metadata());
    }
    process.requestTermination(ctx.now());
    process.awaitTreeExit(gracePeriod);
    process.killTree(REAP_WAIT);
    process.killOrphans(REAP_WAIT);
    process.stdout().awaitDrained(DRAIN_WAIT.toMillis());
    process.stderr().awaitDrained(DRAIN_WAIT.toMillis());
    return new ProviderResult.Decided(
        AnalysisPhase.INCONCLUSIVE, ctx.redact(describe("Process terminated", process)), "", inFlight.metadata());
  }

  /** Kills every process still running. */
  @Override
  public void close() {
    for (String name : running.keySet()) {
      RunningProcess process = running.remove(name);
      if (process != null) {
        process.requestTermination(process.startedAt());
        process.killTree(REAP_WAIT);
        process.killOrphans(REAP_WAIT);
      }
    }
  }

  private ProviderResult finish(MeasurementContext ctx, String name, RunningProcess process, Measurement inFlight) {
    running.remove(name);
    process.killOrphans(REAP_WAIT);
    process.stdout().awaitDrained(DRAIN_WAIT.toMillis());
    process.stderr().awaitDrained(DRAIN_WAIT.toMillis());
    Map<String, String> metadata = new LinkedHashMap<>(inFlight.metadata());
    if (process.terminationRequestedAt() != null) {
      String headline = "Process timed out after " + seconds(process.command().timeout()) + " and was killed";
      return new ProviderResult.Decided(
          AnalysisPhase.INCONCLUSIVE, ctx.redact(describe(headline, process)), "", metadata);
    }
    int code = process.exitCode();
    metadata.put(EXIT_CODE_KEY, Integer.toString(code));
    logger.debug("process {} exited with code {}", name, code);
    String message = ctx.redact(describe("Process exited with code " + code, process));
    if (code != 0) {
      return new ProviderResult.Decided(AnalysisPhase.FAILED, message, "", metadata);
    }
    if (!process.command().jsonResult()) {
      return new ProviderResult.Decided(AnalysisPhase.SUCCESSFUL, message, "", metadata);
    }
    String line = process.stdout().lastLine();
    metadata.put(OUTPUT_KEY, ctx.redact(describe("", process).strip()));
    if (line.isEmpty()) {
      return new ProviderResult.Errored(
          "standard output has no last line to read as JSON (" + resultAnnotation() + ")", metadata);
    }
    try {
      Object value = ResultLine.parse(line);
      return new ProviderResult.Observed(value, ctx.redact(line), metadata);
    } catch (JsonProcessingException e) {
      return new ProviderResult.Errored(
          ctx.redact("the last line of standard output is not JSON (" + resultAnnotation() + "): " + line),
          metadata);
    }
  }

  private static String resultAnnotation() {
    return JobRunner.RESULT_ANNOTATION + ": " + JobRunner.RESULT_LAST_LINE_JSON;
  }

  private static String describe(String headline, RunningProcess process) {
    StringBuilder text = new StringBuilder(headline);
    appendStream(text, "stdout", process.stdout().text());
    appendStream(text, "stderr", process.stderr().text());
    return text.toString();
  }

  private static void appendStream(StringBuilder text, String label, @Nullable String output) {
    if (output != null && !output.isEmpty()) {
      text.append('\n').append(label).append(":\n").append(output.stripTrailing());
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
