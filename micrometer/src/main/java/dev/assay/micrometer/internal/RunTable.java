/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer.internal;

import dev.assay.engine.AnalysisListener;
import dev.assay.engine.EvaluationTiming;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine listener behind {@link dev.assay.micrometer.AssayMetrics#analysisListener()}: keeps a {@link RunMeters}
 * per run (at most {@code maxRuns}; completed runs leave after {@code retention}, oldest first when room is needed)
 * and the run-independent series (measurements, provider call time, scheduling lag, judge verdicts, active runs).
 * Callbacks for different runs may come concurrently; callbacks for one run come one at a time (the engine's
 * contract). Thread-safe.
 */
public final class RunTable implements AnalysisListener {
  private static final Logger logger = LoggerFactory.getLogger(RunTable.class);

  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

  private final MeterRegistry registry;
  private final MeterNames names;
  private final int maxRuns;
  private final Duration retention;
  private final Map<RunKey, RunMeters> runs = new ConcurrentHashMap<>();
  /** By provider key, then metric name: nested so that the hot path allocates no key. */
  private final Map<String, Map<String, ProviderMeters>> providers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counter>> verdicts = new ConcurrentHashMap<>();
  /** Runs refused for the limit, so each is counted once; bounded like the table, cleared when full. */
  private final Set<RunKey> refused = new HashSet<>();
  private final Counter untracked;
  private final TimeTotal lag;
  private boolean warnedFull;
  /** Engine-clock second of the last purge; Long.MIN_VALUE before the first. */
  private volatile long lastPurgeSecond = Long.MIN_VALUE;

  /**
   * Registers the run-independent series.
   *
   * @param registry where the meters go
   * @param names the meter names
   * @param maxRuns how many runs may have series at once, at least 1
   * @param retention how long a completed run keeps its series (engine clock)
   */
  public RunTable(MeterRegistry registry, MeterNames names, int maxRuns, Duration retention) {
    this.registry = registry;
    this.names = names;
    this.maxRuns = maxRuns;
    this.retention = retention;
    Gauge.builder(names.runsActive(), this, RunTable::activeRuns)
        .description("Analysis runs with series that have not completed").register(registry);
    untracked = Counter.builder(names.runsUntracked())
        .description("Analysis runs left without per-run series because the run limit was reached").register(registry);
    lag = new TimeTotal(registry, names.schedulingLag(),
        "How late run evaluations started against their due time, by the engine clock", Tags.empty());
  }

  @Override
  public void onMeasurementTaken(AnalysisRun run, String metric, Measurement measurement) {
    if (measurement.isInFlight()) {
      return;
    }
    ProviderMeters meters = providerMeters(run, metric);
    meters.finished(measurement.phase());
    if (meters.isJudge()) {
      String verdict = measurement.metadata().get("verdict");
      if (verdict != null) {
        verdicts.computeIfAbsent(metric, k -> new ConcurrentHashMap<>())
            .computeIfAbsent(verdict, v -> Counter.builder(names.judgeVerdicts())
                .description("Statistical judge verdicts").tag("metric", metric).tag("verdict", v)
                .register(registry)).increment();
      }
    }
  }

  @Override
  public void onMetricPhaseChanged(AnalysisRun run, String metric, AnalysisPhase from, AnalysisPhase to) {
    RunMeters meters = runs.get(key(run));
    if (meters != null) {
      meters.metricPhase(metric, to);
    }
  }

  @Override
  public void onEvaluated(AnalysisRun run, EvaluationTiming timing) {
    lag.record(timing.schedulingLag());
    purgeNowAndThen(timing.startedAt());
    RunMeters meters = track(run, timing.startedAt());
    for (Map.Entry<String, Duration> call : timing.providerCalls().entrySet()) {
      ProviderMeters m = meters == null ? null : meters.providerMeters(call.getKey());
      (m != null ? m : providerMeters(run, call.getKey())).called(call.getValue());
    }
    if (meters == null) {
      return;
    }
    meters.update(run);
    meters.evaluated(timing.elapsed(), timing.failed());
    if (!timing.providerCalls().isEmpty()) {
      meters.measuredAt(timing.startedAt());
    }
    if (run.status().phase().isCompleted()) {
      Instant done = run.status().completedAt();
      meters.completed(done != null ? done : timing.startedAt());
    }
  }

  @Override
  public void onRunCompleted(AnalysisRun run) {
    RunMeters meters = runs.get(key(run));
    if (meters != null) {
      meters.update(run);
    }
  }

  /**
   * Removes every per-run series (the run-independent ones stay).
   */
  public synchronized void clear() {
    runs.values().forEach(RunMeters::remove);
    runs.clear();
  }

  private @Nullable RunMeters track(AnalysisRun run, Instant now) {
    RunKey key = key(run);
    RunMeters existing = runs.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      existing = runs.get(key);
      if (existing != null) {
        return existing;
      }
      purge(now);
      if (runs.size() >= maxRuns && !evictOldestCompleted()) {
        if (refused.size() >= maxRuns) {
          refused.clear();
        }
        if (refused.add(key)) {
          untracked.increment();
        }
        if (!warnedFull) {
          warnedFull = true;
          logger.warn("{} analysis runs have series, the limit; AnalysisRun {}/{} and further runs get none until "
              + "runs complete (see {} and AssayMetrics.Builder.maxRuns)", runs.size(), run.metadata().namespace(),
              run.metadata().name(), names.runsUntracked());
        }
        return null;
      }
      warnedFull = false;
      refused.remove(key);
      RunMeters created = new RunMeters(registry, names, run, now, this::providerMeters);
      runs.put(key, created);
      return created;
    }
  }

  /** Purges at most once a minute of engine time, so evaluations do not pay for it. */
  private void purgeNowAndThen(Instant now) {
    long second = now.getEpochSecond();
    long last = lastPurgeSecond;
    if (last != Long.MIN_VALUE && second >= last && second - last < PURGE_EVERY.getSeconds()) {
      return;
    }
    synchronized (this) {
      lastPurgeSecond = second;
      purge(now);
    }
  }

  /** Drops completed runs whose retention has passed. Called with the lock held. */
  private void purge(Instant now) {
    Instant cutoff = now.minus(retention);
    runs.entrySet().removeIf(e -> {
      if (e.getValue().completedBefore(cutoff) || retention.isZero() && e.getValue().completedAt() != null) {
        e.getValue().remove();
        return true;
      }
      return false;
    });
  }

  /** Makes room by dropping the run that completed first. Called with the lock held. */
  private boolean evictOldestCompleted() {
    Optional<Map.Entry<RunKey, RunMeters>> oldest = runs.entrySet().stream()
        .filter(e -> e.getValue().completedAt() != null)
        .min(Comparator.comparing(e -> e.getValue().completedAt()));
    oldest.ifPresent(e -> {
      e.getValue().remove();
      runs.remove(e.getKey());
    });
    return oldest.isPresent();
  }

  /** The provider series of a run's metric: the run's own resolved ones, else looked up (an untracked run). */
  private ProviderMeters providerMeters(AnalysisRun run, String metric) {
    RunMeters meters = runs.get(key(run));
    ProviderMeters resolved = meters == null ? null : meters.providerMeters(metric);
    if (resolved != null) {
      return resolved;
    }
    Metric spec = find(run, metric);
    return providerMeters(spec == null ? "none" : ArgoTypes.providerKey(spec), metric);
  }

  private ProviderMeters providerMeters(String provider, String metric) {
    return providers.computeIfAbsent(provider, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(metric, m -> new ProviderMeters(registry, names, provider, m));
  }

  private double activeRuns() {
    return runs.values().stream().filter(RunMeters::isActive).count();
  }

  private static @Nullable Metric find(AnalysisRun run, String name) {
    for (Metric m : run.spec().metrics()) {
      if (m.name().equals(name)) {
        return m;
      }
    }
    return null;
  }

  private static RunKey key(AnalysisRun run) {
    return new RunKey(run.metadata().namespace(), run.metadata().name());
  }

  /** A run's identity in the table. */
  private record RunKey(String namespace, String name) {}
}
