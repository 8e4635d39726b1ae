/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.testing;

import dev.assay.model.AnalysisPhase;
import dev.assay.model.Measurement;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link MetricProvider} that replays a programmed sequence of {@link ScriptStep}s per metric: values, errors,
 * exceptions, provider-decided phases, pending (asynchronous) measurements, latencies and hangs. Each call to
 * {@code run} or {@code resume} takes the metric's next step; when the script is used up the last step repeats.
 *
 * <p>Thread-safe. Latencies block the calling thread in real time (use them against the engine's call deadline);
 * in virtual-time tests prefer {@link ScriptStep#pending(java.time.Duration)}, which models a slow measurement without
 * blocking.
 */
public final class ScriptedProvider implements MetricProvider {
  private final String type;
  private final Map<String, List<ScriptStep>> scripts;
  private final AnalysisPhase terminatePhase;
  private final Map<String, Integer> position = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final Map<String, Integer> starts = new HashMap<>();

  private ScriptedProvider(Builder b) {
    type = b.type;
    scripts = Map.copyOf(b.scripts);
    terminatePhase = b.terminatePhase;
  }

  /**
   * Starts a scripted provider serving a provider type.
   *
   * @param type the provider key it serves, for example {@code "prometheus"}
   * @return a builder
   */
  public static Builder builder(String type) {
    return new Builder(type);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public ProviderResult run(MeasurementContext context) throws Exception {
    synchronized (this) {
      starts.merge(context.metric().name(), 1, Integer::sum);
    }
    return nextStep(context.metric().name()).play(context.now());
  }

  @Override
  public ProviderResult resume(MeasurementContext context, Measurement inFlight) throws Exception {
    return nextStep(context.metric().name()).play(context.now());
  }

  @Override
  public ProviderResult terminate(MeasurementContext context, Measurement inFlight) {
    return ProviderResult.decided(terminatePhase, "");
  }

  /**
   * How many {@code run} and {@code resume} calls a metric received.
   *
   * @param metric the metric name
   * @return the number of calls
   */
  public synchronized int calls(String metric) {
    return calls.getOrDefault(metric, 0);
  }

  /**
   * How many measurements a metric started ({@code run} calls only).
   *
   * @param metric the metric name
   * @return the number of {@code run} calls
   */
  public synchronized int starts(String metric) {
    return starts.getOrDefault(metric, 0);
  }

  /**
   * How many {@code run} and {@code resume} calls all metrics received.
   *
   * @return the number of calls
   */
  public synchronized int totalCalls() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  private synchronized ScriptStep nextStep(String metric) {
    List<ScriptStep> script = scripts.get(metric);
    if (script == null) {
      script = scripts.get(Builder.ANY_METRIC);
    }
    if (script == null) {
      throw new IllegalStateException("no script for metric \"" + metric + "\"");
    }
    int at = position.getOrDefault(metric, 0);
    position.put(metric, at + 1);
    calls.merge(metric, 1, Integer::sum);
    return script.get(Math.min(at, script.size() - 1));
  }

  /** Builds a {@link ScriptedProvider}. Not thread-safe. */
  public static final class Builder {
    static final String ANY_METRIC = "\u0000any";
    private final String type;
    private final Map<String, List<ScriptStep>> scripts = new LinkedHashMap<>();
    private AnalysisPhase terminatePhase = AnalysisPhase.SUCCESSFUL;

    private Builder(String type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Programs the steps for one metric.
     *
     * @param metric the metric name
     * @param steps the steps, in call order (at least one)
     * @return this builder
     */
    public Builder script(String metric, ScriptStep... steps) {
      if (steps.length == 0) {
        throw new IllegalArgumentException("script for \"" + metric + "\" must have at least one step");
      }
      scripts.put(Objects.requireNonNull(metric, "metric"), List.of(steps));
      return this;
    }

    /**
     * Programs the steps for every metric without a script of its own (each metric keeps its own position).
     *
     * @param steps the steps (at least one)
     * @return this builder
     */
    public Builder scriptForAnyMetric(ScriptStep... steps) {
      return script(ANY_METRIC, steps);
    }

    /**
     * Sets the phase {@code terminate} reports for an in-flight measurement. Default: Successful.
     *
     * @param phase a completed phase (a Job provider reports Inconclusive)
     * @return this builder
     */
    public Builder terminateWith(AnalysisPhase phase) {
      if (!phase.isCompleted()) {
        throw new IllegalArgumentException("phase must be a completed phase, but was " + phase);
      }
      this.terminatePhase = phase;
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return the provider
     */
    public ScriptedProvider build() {
      if (scripts.isEmpty()) {
        throw new IllegalStateException("Missing required field: script");
      }
      return new ScriptedProvider(this);
    }

  }
}
