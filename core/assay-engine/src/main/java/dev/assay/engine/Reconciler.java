/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.PreflightResult;
import dev.assay.spi.RunRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Argo Rollouts' {@code reconcileAnalysisRun} as one step: given a run (spec and status) and the current time, it
 * takes the measurements that are due, updates counters, assesses metrics and the run, trims history, and returns the
 * new run with the time it wants to be called again. It keeps no state between calls: the returned status is all a
 * caller must store to continue later.
 *
 * <p><b>Thread-safety:</b> thread-safe; different runs may be reconciled concurrently. One run must not be reconciled
 * twice at the same time (the caller serialises calls per run, as {@link AnalysisEngine} does).
 */
public final class Reconciler {
  private static final Logger logger = LoggerFactory.getLogger(Reconciler.class);
  /** Measurements kept per metric unless a retention rule says otherwise. */
  public static final int DEFAULT_MEASUREMENT_RETENTION = 10;
  /** MDC key holding the run name while the engine logs about a run. */
  public static final String MDC_RUN = "assay.run";
  /** MDC key holding the metric name while the engine logs about one metric's measurement. */
  public static final String MDC_METRIC = "assay.metric";
  /**
   * The run annotation that turns pre-flight checks on ({@code "true"}) or off ({@code "false"}) for one run,
   * whatever the engine's default ({@link ReconcilerBuilder#preflight}); {@code @CanaryGate} and canary plans set it.
   * See {@code docs/preflight.md}.
   */
  public static final String PREFLIGHT_ANNOTATION = "assay.dev/preflight";

  private final Map<String, MetricProvider> providers;
  private final ConditionEvaluator evaluator;
  private final ProviderCalls calls;
  private final SpecPreparation preparation;
  private final boolean preflight;
  private final Set<String> warnedTypes = ConcurrentHashMap.newKeySet();

  private Reconciler(ReconcilerBuilder b) {
    providers = Map.copyOf(b.providers);
    evaluator = b.evaluator;
    calls = new ProviderCalls(b.callExecutor, b.callTimeout);
    preparation = new SpecPreparation(b.secrets);
    preflight = b.preflight;
  }

  /**
   * Starts building a reconciler.
   *
   * @return a builder
   */
  public static ReconcilerBuilder builder() {
    return new ReconcilerBuilder(Reconciler::new);
  }

  /**
   * Evaluates a run once.
   *
   * @param run the run (spec and current status)
   * @param now the evaluation time
   * @return the run with its new status, the next evaluation time and the measurements taken
   */
  public ReconcileResult reconcile(AnalysisRun run, Instant now) {
    return reconcile(run, now, new PreparedCache());
  }

  /** As {@link #reconcile(AnalysisRun, Instant)}, reusing the argument resolution of an unchanged spec. */
  ReconcileResult reconcile(AnalysisRun run, Instant now, PreparedCache cache) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(now, "now");
    if (run.status().phase().isCompleted()) {
      return new ReconcileResult(run, Ttl.nextCheck(run), Map.of(), Ttl.expired(run, now));
    }
    Prepared prepared;
    try {
      prepared = cache.get(run.spec());
      if (prepared == null) {
        prepared = preparation.prepare(run);
        cache.put(run.spec(), prepared);
      }
    } catch (PreparationException e) {
      return error(run, e.getMessage());
    }
    if (preflightWanted(run) && isFirstEvaluation(run)) {
      String failed = preflight(run, prepared, now);
      if (failed != null) {
        return error(run, failed);
      }
    }
    List<MetricTask> tasks = TaskPlanner.plan(run, prepared.metrics(), now);
    Map<String, Measurement> taken = new LinkedHashMap<>();
    Map<String, Duration> callTimes = new LinkedHashMap<>();
    Prepared withSecrets = prepared;
    AnalysisRun current = run;
    if (!tasks.isEmpty()) {
      try {
        // Secrets are read at every evaluation that measures, as Argo does; without secret arguments nothing changes.
        withSecrets = run.spec().args().stream().anyMatch(dev.assay.model.Argument::isSecret)
            ? preparation.withSecrets(run, prepared) : prepared;
      } catch (PreparationException e) {
        return error(run, e.getMessage());
      }
      current = runTasks(run, tasks, withSecrets, now, taken, callTimes);
    }
    RunAssessment assessed = Assessment.assessRun(current, prepared.metrics(), prepared.dryRunMetrics(), now);
    AnalysisRunStatus status = assessed.status();
    if (assessed.phase() != status.phase()) {
      boolean done = assessed.phase().isCompleted();
      status = new AnalysisRunStatus(assessed.phase(), assessed.message(), status.metricResults(),
          status.startedAt(), done && status.completedAt() == null ? now : status.completedAt(),
          status.runSummary(), status.dryRunSummary());
      logger.info("AnalysisRun {} is {}{}", run.metadata().name(), assessed.phase().wireName(),
          assessed.message().isEmpty() ? "" : ": " + assessed.message());
    }
    if (!tasks.isEmpty()) {
      status = Retention.trim(status, withSecrets, refOf(run), now, providers, calls);
    }
    AnalysisRun next = current.withStatus(status);
    Instant nextAt;
    if (status.phase().isCompleted()) {
      nextAt = Ttl.nextCheck(next);
    } else if (Assessment.isTerminating(next)) {
      // Argo re-evaluates at once after a status change; this is where the run completes or stops measurements.
      nextAt = now;
    } else {
      nextAt = TaskPlanner.nextReconcileTime(next, prepared.metrics()).orElse(null);
    }
    return new ReconcileResult(next, nextAt, taken, false, callTimes);
  }

  private boolean preflightWanted(AnalysisRun run) {
    String annotation = run.metadata().annotations().get(PREFLIGHT_ANNOTATION);
    return annotation == null ? preflight : Boolean.parseBoolean(annotation.trim());
  }

  /** Before anything was measured or assessed: the moment for pre-flight checks. */
  private static boolean isFirstEvaluation(AnalysisRun run) {
    return run.status().startedAt() == null && run.status().metricResults().isEmpty() && !run.spec().terminate();
  }

  /**
   * Runs every metric's pre-flight check (concurrently, with the call deadline); returns the run's Error message for
   * the first metric that failed, or null when all passed.
   */
  private @Nullable String preflight(AnalysisRun run, Prepared prepared, Instant now) {
    Prepared resolved;
    try {
      resolved = run.spec().args().stream().anyMatch(dev.assay.model.Argument::isSecret)
          ? preparation.withSecrets(run, prepared) : prepared;
    } catch (PreparationException e) {
      return e.getMessage();
    }
    RunRef ref = refOf(run);
    List<Metric> metrics = resolved.metrics();
    List<Callable<String>> checks = new ArrayList<>();
    for (Metric metric : metrics) {
      MetricProvider provider = providerFor(metric);
      MeasurementContext context = new MeasurementContext(ref, metric,
          MetricResult.start(metric.name(), resolved.dryRunMetrics().contains(metric.name()), Map.of()), now,
          resolved.secretValues());
      checks.add(() -> {
        if (provider == null) {
          return "";
        }
        PreflightResult r;
        try {
          r = provider.preflight(context);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return "interrupted";
        } catch (Exception e) {
          r = PreflightResult.failed(context.redact(String.valueOf(e.getMessage())));
        }
        return r.isFailed() ? r.detail() : "";
      });
    }
    List<String> failures = calls.invokeAll(checks, (i, reason) -> "the check " + reason);
    for (int i = 0; i < metrics.size(); i++) {
      if (!failures.get(i).isEmpty()) {
        String message = "Pre-flight check failed for metric \"" + metrics.get(i).name() + "\" (provider "
            + typeOf(metrics.get(i)) + "): " + failures.get(i);
        logger.warn("AnalysisRun {}: {}", run.metadata().name(), message);
        return message;
      }
    }
    return null;
  }

  private AnalysisRun runTasks(AnalysisRun run, List<MetricTask> tasks, Prepared resolved, Instant now,
      Map<String, Measurement> taken, Map<String, Duration> callTimes) {
    RunRef ref = refOf(run);
    List<Callable<MeasurementCall.Outcome>> work = new ArrayList<>();
    List<MetricTask> resolvedTasks = new ArrayList<>();
    List<MeasurementContext> contexts = new ArrayList<>();
    for (MetricTask planned : tasks) {
      Metric metric = find(resolved.metrics(), planned.metric().name());
      MetricTask task = new MetricTask(metric, planned.kind(), planned.inFlight());
      resolvedTasks.add(task);
      MetricResult existing = run.status().metricResult(metric.name()).orElse(null);
      MetricResult result = existing != null ? existing
          : MetricResult.start(metric.name(), resolved.dryRunMetrics().contains(metric.name()), Map.of());
      MeasurementContext context = new MeasurementContext(ref, metric, result, now, resolved.secretValues());
      contexts.add(context);
      MetricProvider provider = providerFor(metric);
      if (provider == null) {
        Measurement m = MeasurementCall.failed(task, context, "no valid provider in metric '" + metric.name() + "'");
        work.add(() -> new MeasurementCall.Outcome(m, Map.of(), null));
      } else {
        work.add(new MeasurementCall(task, provider, context, evaluator, existing == null));
      }
    }
    List<MeasurementCall.Outcome> outcomes = calls.invokeAll(work, (i, reason) -> new MeasurementCall.Outcome(
        MeasurementCall.failed(resolvedTasks.get(i), contexts.get(i),
            "metric provider \"" + typeOf(resolvedTasks.get(i).metric()) + "\" " + reason), Map.of(),
        calls.timeout()));
    List<MetricResult> results = new ArrayList<>(run.status().metricResults());
    for (int i = 0; i < resolvedTasks.size(); i++) {
      MetricTask task = resolvedTasks.get(i);
      MeasurementCall.Outcome outcome = outcomes.get(i);
      String name = task.metric().name();
      Measurement m = outcome.measurement();
      taken.put(name, m);
      if (outcome.callTime() != null) {
        callTimes.put(name, outcome.callTime());
      }
      int index = Assessment.indexOf(results, name);
      MetricResult r = index >= 0 ? results.get(index) : MetricResult.start(name,
          resolved.dryRunMetrics().contains(name),
          outcome.resultMetadata() == null ? Map.of() : outcome.resultMetadata());
      List<Measurement> ms = new ArrayList<>(r.measurements());
      if (task.inFlight() != null && !ms.isEmpty()) {
        ms.set(ms.size() - 1, m);
      } else {
        ms.add(m);
      }
      r = r.toBuilder().measurements(ms).build();
      if (m.phase().isCompleted() && m.finishedAt() != null) {
        r = Counters.apply(r, m);
      }
      logMeasurement(run, task, m, r);
      if (index >= 0) {
        results.set(index, r);
      } else {
        results.add(r);
      }
    }
    AnalysisRunStatus s = run.status();
    return run.withStatus(new AnalysisRunStatus(s.phase(), s.message(), results, s.startedAt(), s.completedAt(),
        s.runSummary(), s.dryRunSummary()));
  }

  /**
   * One line per measurement at INFO, for a person following a run (docs/observability.md): run, metric, outcome,
   * value and the counters after it, with MDC keys {@value #MDC_RUN} and {@value #MDC_METRIC}. Values and messages
   * were redacted by {@link MeasurementCall}, so no secret argument reaches the log. An in-flight measurement is
   * logged at DEBUG; the line for its outcome follows when it finishes.
   */
  private void logMeasurement(AnalysisRun run, MetricTask task, Measurement m, MetricResult counters) {
    String type = typeOf(task.metric());
    MDC.put(MDC_METRIC, task.metric().name());
    try {
      if (m.isInFlight()) {
        logger.debug("AnalysisRun {} metric {}: measurement in flight, resumes at {}", run.metadata().name(),
            task.metric().name(), m.resumeAt());
        return;
      }
      String line = "AnalysisRun {} metric {}: measurement {} value {} (count {}, successful {}, failed {}, "
          + "inconclusive {}, error {}, consecutiveError {}){}";
      Object[] args = {run.metadata().name(), task.metric().name(), m.phase().wireName(),
          m.value().isEmpty() ? "-" : m.value(), counters.count(), counters.successful(), counters.failed(),
          counters.inconclusive(), counters.error(), counters.consecutiveError(),
          m.message().isEmpty() ? "" : ": " + m.message()};
      if (m.phase() == AnalysisPhase.ERROR && warnedTypes.add(type)) {
        // The first failure per provider type is a warning: a provider that is down shows up once at WARN.
        logger.warn(line, args);
      } else {
        logger.info(line, args);
      }
    } finally {
      MDC.remove(MDC_METRIC);
    }
  }

  @Nullable MetricProvider providerFor(Metric metric) {
    List<String> types = metric.provider().types();
    return types.isEmpty() ? null : providers.get(types.get(0));
  }

  private static String typeOf(Metric metric) {
    List<String> types = metric.provider().types();
    return types.isEmpty() ? "" : types.get(0);
  }

  static RunRef refOf(AnalysisRun run) {
    return new RunRef(run.metadata().name(), run.metadata().namespace(), run.metadata().uid());
  }

  private static Metric find(List<Metric> metrics, String name) {
    for (Metric m : metrics) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    throw new IllegalStateException("metric \"" + name + "\" disappeared during resolution");
  }

  private static ReconcileResult error(AnalysisRun run, String message) {
    AnalysisRunStatus s = run.status();
    logger.info("AnalysisRun {} is Error: {}", run.metadata().name(), message);
    // Argo returns early here: startedAt and completedAt stay as they were.
    AnalysisRunStatus errored = new AnalysisRunStatus(AnalysisPhase.ERROR, message, s.metricResults(), s.startedAt(),
        s.completedAt(), s.runSummary(), s.dryRunSummary());
    return new ReconcileResult(run.withStatus(errored), null, Map.of(), false);
  }

  Duration callTimeout() {
    return calls.timeout();
  }
}
