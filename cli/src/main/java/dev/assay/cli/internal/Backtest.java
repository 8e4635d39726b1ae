/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.engine.ReconcileResult;
import dev.assay.engine.Reconciler;
import dev.assay.engine.ReconcilerBuilder;
import dev.assay.judge.JudgeSpec;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Metric;
import dev.assay.model.ObjectMeta;
import dev.assay.spi.MetricProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Replays a run at historical times: for each start time, a fresh run of the replayable metrics is evaluated in
 * virtual time from that start, so every measurement is an instant (or range) query at its own {@code time=}, and
 * Argo's conditions, limits, counts and intervals decide exactly as they would have in a run started then. Runs at
 * different start times are independent and are replayed a few at a time.
 */
final class Backtest {
  /** A run that has not completed within this much virtual time (an unbounded metric) is reported as Running. */
  static final Duration HORIZON = Duration.ofDays(1);

  private static final int MAX_EVALUATIONS = 100_000;
  private static final int PARALLEL = 4;

  private final Reconciler reconciler;

  Backtest(List<MetricProvider> providers) {
    ReconcilerBuilder b = Reconciler.builder();
    providers.forEach(b::provider);
    this.reconciler = b.build();
  }

  /**
   * The result of one replayed run.
   *
   * @param start when the run would have started
   * @param run the run as it ended (or as far as the horizon)
   * @param decidedAt when it completed, or null when it did not within the horizon
   */
  record Step(Instant start, AnalysisRun run, @Nullable Instant decidedAt) {
    AnalysisPhase phase() {
      return decidedAt == null ? AnalysisPhase.RUNNING : run.status().phase();
    }
  }

  /**
   * Whether a metric can be replayed at a past time: Prometheus queries can (Prometheus answers for any
   * {@code time=}), and so can the judge over Prometheus series; Web and Job metrics call live systems, which have
   * no history.
   *
   * @param metric a metric with its arguments resolved
   * @return empty when replayable, else why not
   */
  static Optional<String> notReplayable(Metric metric) {
    List<String> types = metric.provider().types();
    String type = types.isEmpty() ? "none" : types.get(0);
    if (type.equals("prometheus")) {
      return Optional.empty();
    }
    if (type.equals("plugin/" + JudgeSpec.PLUGIN_NAME)) {
      try {
        JudgeSpec judge = JudgeSpec.of(metric);
        if (judge.canary().prometheus() != null && judge.baseline().prometheus() != null) {
          return Optional.empty();
        }
        return Optional.of("judge over non-Prometheus series: they call live systems, which have no history");
      } catch (RuntimeException e) {
        return Optional.of("judge block is invalid: " + e.getMessage());
      }
    }
    if (type.equals("web") || type.equals("job")) {
      return Optional.of(type + ": calls a live system, which has no history to replay");
    }
    return Optional.of(type + ": only Prometheus metrics can be replayed");
  }

  /**
   * Replays runs started at each of the given times.
   *
   * @param template the run to replay (its metrics already filtered to replayable ones)
   * @param starts the start times, in order
   * @return one step per start time, in the same order
   * @throws InterruptedException when interrupted
   */
  List<Step> replay(AnalysisRun template, List<Instant> starts) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, Math.max(1, starts.size())), r -> {
      Thread t = new Thread(r, "assay-backtest");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Step>> futures = new ArrayList<>();
      for (Instant start : starts) {
        futures.add(pool.submit(() -> replayOne(template, start)));
      }
      List<Step> steps = new ArrayList<>();
      for (Future<Step> f : futures) {
        try {
          steps.add(f.get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
      }
      return steps;
    } finally {
      pool.shutdownNow();
    }
  }

  private Step replayOne(AnalysisRun template, Instant start) {
    ObjectMeta m = template.metadata();
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of(m.name() + "-" + start.getEpochSecond(), m.namespace()),
        template.spec());
    Instant now = start;
    for (int i = 0; i < MAX_EVALUATIONS; i++) {
      ReconcileResult r = reconciler.reconcile(run, now);
      run = r.run();
      if (run.status().phase().isCompleted()) {
        return new Step(start, run, now);
      }
      Optional<Instant> next = r.next();
      if (next.isEmpty() || next.get().isAfter(start.plus(HORIZON))) {
        break;
      }
      // Argo measures only when the clock is strictly after the due time (as the engine does, wake 1 ms later)
      now = (next.get().isAfter(now) ? next.get() : now).plusMillis(1);
    }
    return new Step(start, run, null);
  }
}
