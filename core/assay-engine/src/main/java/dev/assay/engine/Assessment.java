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
import dev.assay.model.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Argo Rollouts' assessments as pure functions: a metric's phase from its counters (docs/argo-semantics.md §2.6), the run's
 * phase from its metrics (section 2.7), and whether a run is terminating (section 2.8). Thread-safe; no state.
 */
public final class Assessment {
  private Assessment() {}

  /**
   * Argo's {@code assessMetricStatus}: the phase a metric's result should have now.
   *
   * @param metric the (resolved) metric
   * @param result its result so far
   * @param terminating whether the run is terminating
   * @return the phase; a completed result phase is returned unchanged
   */
  public static AnalysisPhase assessMetric(Metric metric, MetricResult result, boolean terminating) {
    Objects.requireNonNull(metric, "metric");
    if (result.phase().isCompleted()) {
      return result.phase();
    }
    if (result.measurements().isEmpty()) {
      return terminating ? AnalysisPhase.SUCCESSFUL : AnalysisPhase.PENDING;
    }
    Measurement last = result.measurements().get(result.measurements().size() - 1);
    if (!last.phase().isCompleted()) {
      return AnalysisPhase.RUNNING;
    }
    LimitCheck limits = limitCheck(metric, result);
    if (limits.exceeded()) {
      return limits.phase();
    }
    int csl = metric.consecutiveSuccessLimitValue();
    if (csl > 0 && result.consecutiveSuccess() >= csl) {
      return AnalysisPhase.SUCCESSFUL;
    }
    int effectiveCount = metric.effectiveCount();
    if (effectiveCount != Metric.UNBOUNDED && result.count() >= effectiveCount) {
      boolean failureApplicable = metric.failureLimitValue() >= 0;
      boolean successApplicable = csl > 0;
      if (failureApplicable && successApplicable) {
        return AnalysisPhase.INCONCLUSIVE;
      }
      return successApplicable ? AnalysisPhase.FAILED : AnalysisPhase.SUCCESSFUL;
    }
    return terminating ? AnalysisPhase.SUCCESSFUL : AnalysisPhase.RUNNING;
  }

  /**
   * Argo's limit check. Later checks override earlier ones, so Error beats Inconclusive beats Failed.
   *
   * @param metric the metric
   * @param result its counters
   * @return the exceeded limit, or {@link LimitCheck#NONE}
   */
  public static LimitCheck limitCheck(Metric metric, MetricResult result) {
    LimitCheck check = LimitCheck.NONE;
    int fl = metric.failureLimitValue();
    if (fl >= 0 && result.failed() > fl) {
      check = new LimitCheck(AnalysisPhase.FAILED,
          "failed (" + result.failed() + ") > failureLimit (" + fl + ")");
    }
    int il = metric.inconclusiveLimitValue();
    if (result.inconclusive() > il) {
      check = new LimitCheck(AnalysisPhase.INCONCLUSIVE,
          "inconclusive (" + result.inconclusive() + ") > inconclusiveLimit (" + il + ")");
    }
    int cel = metric.consecutiveErrorLimitValue();
    if (result.consecutiveError() > cel) {
      check = new LimitCheck(AnalysisPhase.ERROR,
          "consecutiveErrors (" + result.consecutiveError() + ") > consecutiveErrorLimit (" + cel + ")");
    }
    return check;
  }

  /**
   * Argo's {@code IsTerminating}: {@code spec.terminate} is set, or a non-dry-run metric is Failed, Error or
   * Inconclusive.
   *
   * @param run the run
   * @return true when no new measurements may start
   */
  public static boolean isTerminating(AnalysisRun run) {
    if (run.spec().terminate()) {
      return true;
    }
    for (MetricResult r : run.status().metricResults()) {
      AnalysisPhase p = r.phase();
      if (!r.dryRun() && (p == AnalysisPhase.FAILED || p == AnalysisPhase.ERROR || p == AnalysisPhase.INCONCLUSIVE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Argo's {@code assessRunStatus}: assesses every metric (updating its phase and message), the run summaries, and
   * the run's phase ("worst wins" over non-dry-run metrics). Sets {@code startedAt} when unset.
   *
   * @param run the run; its status gives the metric results
   * @param metrics the resolved metrics, in spec order
   * @param dryRunMetrics names of metrics in dry-run mode
   * @param now the evaluation time
   * @return the run phase and message, and the updated status
   */
  public static RunAssessment assessRun(AnalysisRun run, List<Metric> metrics, Set<String> dryRunMetrics,
      Instant now) {
    boolean terminating = isTerminating(run);
    AnalysisRunStatus status = run.status();
    List<MetricResult> results = new ArrayList<>(status.metricResults());
    AnalysisPhase worst = AnalysisPhase.NONE;
    String worstMessage = run.spec().terminate() ? "Run Terminated" : "";
    boolean everythingCompleted = true;
    SummaryTally summary = new SummaryTally();
    SummaryTally drySummary = new SummaryTally();
    for (Metric metric : metrics) {
      boolean dry = dryRunMetrics.contains(metric.name());
      (dry ? drySummary : summary).count++;
      int index = indexOf(results, metric.name());
      if (index < 0) {
        everythingCompleted = false;
        continue;
      }
      MetricResult r = results.get(index);
      AnalysisPhase phase = assessMetric(metric, r, terminating);
      if (phase != r.phase()) {
        String lastMessage = r.lastMeasurement().map(Measurement::message).orElse("");
        r = r.toBuilder().phase(phase).message(lastMessage).build();
      }
      if (!phase.isCompleted()) {
        results.set(index, r);
        everythingCompleted = false;
        continue;
      }
      LimitCheck limits = limitCheck(metric, r);
      if (!dry) {
        if (worst == AnalysisPhase.NONE || phase.isWorseThan(worst)) {
          worst = phase;
          if (!limits.message().isEmpty()) {
            worstMessage = "Metric \"" + metric.name() + "\" assessed " + phase.wireName() + " due to "
                + limits.message() + (r.message().isEmpty() ? "" : ": \"Error Message: " + r.message() + "\"");
          }
        }
        summary.add(limits.phase());
      } else {
        if (worst == AnalysisPhase.NONE) {
          worst = AnalysisPhase.SUCCESSFUL;
        }
        if (!limits.message().isEmpty()) {
          r = r.toBuilder().message("Metric assessed " + phase.wireName() + " due to " + limits.message()).build();
        }
        drySummary.add(limits.phase());
      }
      results.set(index, r);
    }
    AnalysisRunStatus updated = new AnalysisRunStatus(status.phase(), status.message(), results,
        status.startedAt() == null ? now : status.startedAt(), status.completedAt(), summary.toSummary(),
        drySummary.toSummary());
    if (terminating) {
      return new RunAssessment(worst == AnalysisPhase.NONE ? AnalysisPhase.SUCCESSFUL : worst, worstMessage, updated);
    }
    if (!everythingCompleted || worst == AnalysisPhase.NONE) {
      return new RunAssessment(AnalysisPhase.RUNNING, "", updated);
    }
    return new RunAssessment(worst, worstMessage, updated);
  }

  static int indexOf(List<MetricResult> results, String name) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Mutable counters for one summary; the bucket is the limit-check phase, not the metric phase (Argo's quirk). */
  private static final class SummaryTally {
    int count;
    int successful;
    int failed;
    int inconclusive;
    int error;

    void add(AnalysisPhase limitPhase) {
      switch (limitPhase) {
        case FAILED:
          failed++;
          break;
        case INCONCLUSIVE:
          inconclusive++;
          break;
        case ERROR:
          error++;
          break;
        default:
          successful++;
      }
    }

    RunSummary toSummary() {
      return new RunSummary(count, successful, failed, inconclusive, error);
    }
  }
}
