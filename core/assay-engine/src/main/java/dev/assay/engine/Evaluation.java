/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;
import dev.assay.spi.MeasurementContext;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One reconcile step between planning its provider calls and recording their outcomes ({@link Reconciler#begin},
 * {@link Reconciler#finish}), so the engine can wait for providers without holding a thread.
 *
 * @param run the run as the step found it
 * @param now the evaluation time
 * @param prepared the metrics resolved without secrets (their names are the status names)
 * @param withSecrets the metrics resolved with secrets, in the same order
 * @param tasks the planned tasks (metrics without secrets)
 * @param resolvedTasks the same tasks with the metrics the providers get
 * @param contexts the context of each call
 * @param calls the provider calls, one per task
 * @param done the result when the step needs no call, else null
 */
record Evaluation(@Nullable AnalysisRun run, @Nullable Instant now, @Nullable Prepared prepared,
    @Nullable Prepared withSecrets, List<MetricTask> tasks, List<MetricTask> resolvedTasks,
    List<MeasurementContext> contexts, List<ProviderCalls.Call<MeasurementCall.Outcome>> calls,
    @Nullable ReconcileResult done) {

  Evaluation(AnalysisRun run, Instant now, Prepared prepared, Prepared withSecrets, List<MetricTask> tasks,
      List<MetricTask> resolvedTasks, List<MeasurementContext> contexts,
      List<ProviderCalls.Call<MeasurementCall.Outcome>> calls) {
    this(run, now, prepared, withSecrets, List.copyOf(tasks), List.copyOf(resolvedTasks), List.copyOf(contexts),
        List.copyOf(calls), null);
  }

  static Evaluation done(ReconcileResult result) {
    return new Evaluation(null, null, null, null, List.of(), List.of(), List.of(), List.of(), result);
  }

  /** The Error outcome of call {@code index} that failed for {@code reason}. */
  MeasurementCall.Outcome failedCall(int index, String reason) {
    MetricTask task = resolvedTasks.get(index);
    List<String> types = task.metric().provider().types();
    String type = types.isEmpty() ? "" : types.get(0);
    return new MeasurementCall.Outcome(MeasurementCall.failed(task, contexts.get(index),
        "metric provider \"" + type + "\" " + reason), java.util.Map.of(), null);
  }
}
