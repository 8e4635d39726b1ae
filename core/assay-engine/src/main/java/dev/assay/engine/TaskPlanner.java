/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** When measurements are due: Argo's {@code generateMetricTasks} (section 2.2) and requeue time (section 2.11). */
final class TaskPlanner {
  /** Argo's fixed retry interval after an Error measurement. */
  static final Duration ERROR_RETRY_INTERVAL = Duration.ofSeconds(10);

  private TaskPlanner() {}

  static List<MetricTask> plan(AnalysisRun run, List<Metric> metrics, Instant now) {
    boolean terminating = Assessment.isTerminating(run);
    List<MetricTask> tasks = new ArrayList<>();
    for (Metric metric : metrics) {
      MetricResult result = run.status().metricResult(metric.name()).orElse(null);
      if (result != null && result.phase().isCompleted()) {
        continue;
      }
      Measurement last = result == null ? null : result.lastMeasurement().orElse(null);
      if (last != null && last.isInFlight()) {
        if (!terminating && last.resumeAt() != null && last.resumeAt().isAfter(now)) {
          continue;
        }
        tasks.add(new MetricTask(metric, terminating ? MetricTask.Kind.TERMINATE : MetricTask.Kind.RESUME, last));
        continue;
      }
      if (terminating) {
        continue;
      }
      if (last == null) {
        if (initialDelayPassed(run, metric, now)) {
          tasks.add(new MetricTask(metric, MetricTask.Kind.START, null));
        }
        continue;
      }
      if (countReached(metric, result)) {
        continue;
      }
      Optional<Duration> wait = waitAfter(metric, last);
      if (wait.isPresent() && last.finishedAt() != null && now.isAfter(last.finishedAt().plus(wait.get()))) {
        tasks.add(new MetricTask(metric, MetricTask.Kind.START, null));
      }
    }
    return tasks;
  }

  static Optional<Instant> nextReconcileTime(AnalysisRun run, List<Metric> metrics) {
    Instant next = null;
    for (Metric metric : metrics) {
      MetricResult result = run.status().metricResult(metric.name()).orElse(null);
      if (result != null && result.phase().isCompleted()) {
        continue;
      }
      Measurement last = result == null ? null : result.lastMeasurement().orElse(null);
      Instant candidate = null;
      if (last == null) {
        Instant startedAt = run.status().startedAt();
        if (!metric.initialDelay().isEmpty() && startedAt != null) {
          candidate = GoDurationText.parse(metric.initialDelay()).map(startedAt::plus).orElse(null);
        }
      } else if (last.isInFlight()) {
        candidate = last.resumeAt();
      } else if (!countReached(metric, result) && last.finishedAt() != null) {
        candidate = waitAfter(metric, last).map(last.finishedAt()::plus).orElse(null);
      }
      next = earlier(next, candidate);
    }
    return Optional.ofNullable(next);
  }

  private static boolean initialDelayPassed(AnalysisRun run, Metric metric, Instant now) {
    if (metric.initialDelay().isEmpty()) {
      return true;
    }
    Instant startedAt = run.status().startedAt();
    if (startedAt == null) {
      return false;
    }
    Optional<Duration> delay = GoDurationText.parse(metric.initialDelay());
    return delay.isPresent() && !startedAt.plus(delay.get()).isAfter(now);
  }

  private static boolean countReached(Metric metric, @Nullable MetricResult result) {
    int effective = metric.effectiveCount();
    return result != null && effective != Metric.UNBOUNDED && result.count() >= effective;
  }

  private static Optional<Duration> waitAfter(Metric metric, Measurement last) {
    if (last.phase() == AnalysisPhase.ERROR) {
      return Optional.of(ERROR_RETRY_INTERVAL);
    }
    if (metric.interval().isEmpty()) {
      return Optional.of(ERROR_RETRY_INTERVAL);
    }
    return GoDurationText.parse(metric.interval());
  }

  private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isBefore(a) ? a : b;
  }
}
