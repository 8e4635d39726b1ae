/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.Measurement;
import dev.assay.model.MeasurementBuilder;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/** One provider call for a {@link MetricTask}, turned into a measurement (docs/argo-semantics.md §2.4 and §2.5). */
final class MeasurementCall implements Callable<MeasurementCall.Outcome> {
  /** The message Argo gives a measurement stopped by termination with a Successful or Inconclusive outcome. */
  static final String TERMINATED_MESSAGE = "Metric Terminated";

  /**
   * What the call produced.
   *
   * @param measurement the new or updated measurement
   * @param resultMetadata metadata for a newly created metric result, or null when the result exists
   * @param callTime real time the provider call took, or null when no provider was called
   */
  record Outcome(Measurement measurement, @Nullable Map<String, String> resultMetadata, @Nullable Duration callTime) {}

  private final MetricTask task;
  private final MetricProvider provider;
  private final MeasurementContext context;
  private final ConditionEvaluator evaluator;
  private final boolean newResult;

  MeasurementCall(MetricTask task, MetricProvider provider, MeasurementContext context, ConditionEvaluator evaluator,
      boolean newResult) {
    this.task = task;
    this.provider = provider;
    this.context = context;
    this.evaluator = evaluator;
    this.newResult = newResult;
  }

  @Override
  public Outcome call() {
    Map<String, String> metadata = null;
    if (newResult) {
      metadata = redactValues(safeMetadata());
    }
    Measurement m;
    long started = System.nanoTime();
    try {
      m = toMeasurement(invoke());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      m = failed(task, context, "metric provider \"" + provider.type() + "\" call was interrupted");
    } catch (Exception | LinkageError e) {
      m = failed(task, context, ProviderCalls.describe(e));
    }
    return new Outcome(m, metadata, Duration.ofNanos(System.nanoTime() - started));
  }

  /** An Error measurement for a task: a new one started now, or the in-flight one finished now. */
  static Measurement failed(MetricTask task, MeasurementContext context, String message) {
    return start(task, context).phase(AnalysisPhase.ERROR).message(context.redact(message))
        .finishedAt(context.now()).resumeAt(null).build();
  }

  private ProviderResult invoke() throws Exception {
    ProviderResult r;
    switch (task.kind()) {
      case START:
        r = provider.run(context);
        break;
      case RESUME:
        r = provider.resume(context, task.inFlight());
        break;
      default:
        r = provider.terminate(context, task.inFlight());
    }
    if (r == null) {
      throw new IllegalStateException("metric provider \"" + provider.type() + "\" returned no result");
    }
    return r;
  }

  private Measurement toMeasurement(ProviderResult r) {
    MeasurementBuilder b = start(task, context);
    if (!r.metadata().isEmpty()) {
      b.metadata(redactValues(r.metadata()));
    }
    if (r instanceof ProviderResult.Pending) {
      if (task.kind() == MetricTask.Kind.TERMINATE) {
        return failed(task, context, "metric provider \"" + provider.type() + "\" did not stop the measurement");
      }
      return b.phase(AnalysisPhase.RUNNING).resumeAt(((ProviderResult.Pending) r).resumeAt()).build();
    }
    b.finishedAt(context.now()).resumeAt(null);
    if (r instanceof ProviderResult.Errored) {
      b.phase(AnalysisPhase.ERROR).message(((ProviderResult.Errored) r).message());
    } else if (r instanceof ProviderResult.Decided) {
      ProviderResult.Decided d = (ProviderResult.Decided) r;
      b.phase(d.phase()).message(d.message()).value(d.display());
    } else {
      ProviderResult.Observed o = (ProviderResult.Observed) r;
      String bad = unsupported(o.value());
      if (bad != null) {
        b.phase(AnalysisPhase.ERROR)
            .message("metric provider \"" + provider.type() + "\" returned a value of unsupported type " + bad);
      } else {
        ConditionEvaluator.Outcome outcome = evaluator.evaluate(context.metric().successCondition(),
            context.metric().failureCondition(), o.value(), context.now());
        b.phase(outcome.phase()).message(outcome.message());
        // Argo records no value when the conditions could not be evaluated.
        b.value(outcome.phase() == AnalysisPhase.ERROR ? "" : o.display());
      }
    }
    Measurement m = b.build();
    if (task.kind() == MetricTask.Kind.TERMINATE
        && (m.phase() == AnalysisPhase.SUCCESSFUL || m.phase() == AnalysisPhase.INCONCLUSIVE)) {
      m = m.toBuilder().message(TERMINATED_MESSAGE).build();
    }
    return m.toBuilder().message(context.redact(m.message())).value(context.redact(m.value())).build();
  }

  private static MeasurementBuilder start(MetricTask task, MeasurementContext context) {
    Measurement inFlight = task.inFlight();
    return inFlight != null ? inFlight.toBuilder() : Measurement.builder().startedAt(context.now());
  }

  private Map<String, String> safeMetadata() {
    try {
      Map<String, String> m = provider.metadata(context);
      return m == null ? Map.of() : m;
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private Map<String, String> redactValues(Map<String, String> metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    metadata.forEach((k, v) -> out.put(k, v == null ? "" : context.redact(v)));
    return out;
  }

  /** The class name of the first value that is not plain Java data, or null when all are. */
  private static @Nullable String unsupported(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double
        || value instanceof Float || value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigDecimal || value instanceof BigInteger) {
      return null;
    }
    if (value instanceof List) {
      for (Object o : (List<?>) value) {
        String bad = unsupported(o);
        if (bad != null) {
          return bad;
        }
      }
      return null;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        String bad = e.getKey() instanceof String ? unsupported(e.getValue()) : "map key " + e.getKey().getClass().getName();
        if (bad != null) {
          return bad;
        }
      }
      return null;
    }
    return value.getClass().getName();
  }
}
