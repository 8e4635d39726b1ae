/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import dev.assay.judge.internal.DiscoveredProviders;
import dev.assay.judge.internal.SequentialStates;
import dev.assay.judge.internal.SeriesException;
import dev.assay.judge.internal.SeriesValues;
import dev.assay.judge.internal.VerdictText;
import dev.assay.model.Metric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.ProviderSettings;
import dev.assay.stats.EventCounts;
import dev.assay.stats.ProportionJudge;
import dev.assay.stats.SequentialJudge;
import dev.assay.stats.SequentialLook;
import dev.assay.stats.Verdict;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The statistical judge as a metric provider, serving {@code provider: {plugin: {assay/judge: ...}}} (type
 * {@value #TYPE}). For each measurement it reads the {@link JudgeSpec} from the metric, takes one measurement of the
 * canary series and then one of the baseline series through the providers it delegates to, judges them, and returns
 * {@link ProviderResult.Observed} whose value is {@link Verdict#toResult()} (so {@code successCondition:
 * result.verdict == "pass"} works), whose display is the verdict's reason with the test's numbers, and whose metadata
 * holds every number of the verdict plus the series' own measurement metadata under {@code canary.} and
 * {@code baseline.}.
 *
 * <p><b>Data and mode.</b> With {@code data: flags} or {@code data: counts} the series are judged as event rates by
 * {@link ProportionJudge} (counts: each series is {@code {events: <provider>, trials: <provider>}}, each summed
 * and rounded). With {@code mode: sequential} every look adds its data to the run's running totals and judges them
 * with {@link SequentialJudge}, whose error rates hold over all looks of the run; the totals are kept in each
 * measurement's metadata under {@code sequential.state} (Error measurements carry the previous totals on), so the
 * next look, also after the engine resumed the run from its stored status, continues from the newest retained
 * measurement. The series must then return only the data since the previous look. See {@code docs/judge.md}.
 *
 * <p>The series providers are called with the judge metric's run, result and time, and a copy of the metric whose
 * provider block is the series' block. They must answer synchronously with a list of numbers (a Prometheus range
 * query or vector, a web list); anything else, a bad judge block, or a missing provider makes an Error
 * measurement whose message names the series.
 *
 * <p>Register it with the engine next to the providers it delegates to:
 * {@code AnalysisEngine.builder().provider(prometheus).provider(JudgeMetricProvider.delegatingTo(prometheus))}.
 * With engine discovery ({@code discoverProviders}), {@link JudgeMetricProviderFactory} creates one through
 * {@link #discovering}. Thread-safe when its delegates are; it closes only delegates it created itself.
 */
public final class JudgeMetricProvider implements MetricProvider {
  /** The provider key: Argo's {@code plugin} map entry {@value JudgeSpec#PLUGIN_NAME}. */
  public static final String TYPE = "plugin/" + JudgeSpec.PLUGIN_NAME;

  private final ProviderLookup lookup;
  private final @Nullable DiscoveredProviders owned;

  private JudgeMetricProvider(ProviderLookup lookup, @Nullable DiscoveredProviders owned) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.owned = owned;
  }

  /**
   * A judge that reads series through these providers, chosen by {@link MetricProvider#type()}.
   *
   * @param providers the providers series may use, for example a Prometheus provider
   * @return the judge provider
   */
  public static JudgeMetricProvider delegatingTo(MetricProvider... providers) {
    return new JudgeMetricProvider(ProviderLookup.of(Arrays.asList(Objects.requireNonNull(providers, "providers"))),
        null);
  }

  /**
   * A judge that finds the series' providers through a lookup, called on every measurement.
   *
   * @param lookup finds a provider by key
   * @return the judge provider
   */
  public static JudgeMetricProvider delegatingTo(ProviderLookup lookup) {
    return new JudgeMetricProvider(lookup, null);
  }

  /**
   * A judge that creates its series providers from the {@link dev.assay.spi.MetricProviderFactory} entries of a
   * class loader, each on first use, and closes them when it is closed. This is what
   * {@link JudgeMetricProviderFactory} (and so engine discovery) uses.
   *
   * @param loader where to look for factories
   * @param settings settings for the delegates, keyed {@code <type>.<key>} (for example
   *     {@code prometheus.address}); other keys are ignored
   * @return the judge provider
   */
  public static JudgeMetricProvider discovering(ClassLoader loader, ProviderSettings settings) {
    DiscoveredProviders discovered = new DiscoveredProviders(Objects.requireNonNull(loader, "loader"),
        Objects.requireNonNull(settings, "settings"), TYPE);
    return new JudgeMetricProvider(discovered, discovered);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ProviderResult run(MeasurementContext context) throws InterruptedException {
    JudgeSpec spec;
    try {
      spec = JudgeSpec.of(context.metric());
    } catch (JudgeSpecException e) {
      return ProviderResult.error(context.redact(e.getMessage()));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    boolean sequential = spec.mode() == JudgeMode.SEQUENTIAL;
    SequentialStates.Prior prior = sequential
        ? SequentialStates.previous(context.result(), spec.sequentialJudge()) : null;
    double[] canary = new double[0];
    double[] baseline = new double[0];
    EventCounts canaryCounts = EventCounts.NONE;
    EventCounts baselineCounts = EventCounts.NONE;
    try {
      if (spec.data() == JudgeData.COUNTS) {
        canaryCounts = counts("canary", spec.canary(), spec.canaryTrials().orElseThrow(), context, metadata);
        baselineCounts = counts("baseline", spec.baseline(), spec.baselineTrials().orElseThrow(), context, metadata);
      } else {
        canary = sample("canary", spec.canary(), context, metadata);
        baseline = sample("baseline", spec.baseline(), context, metadata);
      }
    } catch (SeriesException e) {
      if (prior != null && !prior.lost() && prior.state().looks() > 0) {
        // an Error look adds no data but must hand the run's state on to the next look
        metadata.put(SequentialStates.KEY, prior.state().encode());
      }
      return new ProviderResult.Errored(context.redact(e.getMessage()), metadata);
    }
    Verdict verdict;
    if (prior != null) {
      SequentialJudge judge = spec.sequentialJudge();
      SequentialLook look = spec.data() == JudgeData.COUNTS
          ? judge.look(prior.state(), canaryCounts, baselineCounts)
          : flagsOrValues(judge, prior, canary, baseline);
      verdict = look.verdict();
      if (prior.lost()) {
        verdict = new Verdict(verdict.decision(), verdict.reason() + " (no earlier look's state was found in the "
            + "retained measurements, so the sequence restarted with this look)", verdict.statistics());
      }
      metadata.put(SequentialStates.KEY, look.state().encode());
    } else if (spec.data() == JudgeData.COUNTS) {
      verdict = ((ProportionJudge) spec.judge()).judge(canaryCounts, baselineCounts);
    } else {
      verdict = spec.judge().judge(canary, baseline);
    }
    metadata.putAll(VerdictText.metadata(verdict));
    return new ProviderResult.Observed(verdict.toResult(), context.redact(VerdictText.display(verdict)), metadata);
  }

  private static SequentialLook flagsOrValues(SequentialJudge judge, SequentialStates.Prior prior, double[] canary,
      double[] baseline) {
    try {
      return judge.look(prior.state(), canary, baseline);
    } catch (IllegalArgumentException e) {
      // flags that are not 0/1
      throw new SeriesException("data flags: " + e.getMessage());
    }
  }

  private EventCounts counts(String series, ProviderSpec events, ProviderSpec trials, MeasurementContext context,
      Map<String, String> metadata) throws InterruptedException {
    long x = SeriesValues.count(series + ".events", events.types().get(0),
        value(series + ".events", events, context, metadata));
    long n = SeriesValues.count(series + ".trials", trials.types().get(0),
        value(series + ".trials", trials, context, metadata));
    if (x > n) {
      throw new SeriesException(series + " series: " + x + " events out of " + n + " trials; events must not "
          + "exceed trials (do both queries cover the same window and requests?)");
    }
    metadata.put(series + ".counts", x + "/" + n);
    return new EventCounts(x, n);
  }

  /**
   * The metric-result metadata of both series' providers (for Prometheus, the resolved queries), keyed
   * {@code canary.<key>} and {@code baseline.<key>}; empty when the judge block is invalid.
   *
   * @param context the call context
   * @return the metadata
   */
  @Override
  public Map<String, String> metadata(MeasurementContext context) {
    JudgeSpec spec;
    try {
      spec = JudgeSpec.of(context.metric());
    } catch (JudgeSpecException e) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean counts = spec.data() == JudgeData.COUNTS;
    addMetadata(counts ? "canary.events" : "canary", spec.canary(), context, out);
    spec.canaryTrials().ifPresent(t -> addMetadata("canary.trials", t, context, out));
    addMetadata(counts ? "baseline.events" : "baseline", spec.baseline(), context, out);
    spec.baselineTrials().ifPresent(t -> addMetadata("baseline.trials", t, context, out));
    return out;
  }

  private void addMetadata(String series, ProviderSpec spec, MeasurementContext context, Map<String, String> out) {
    Optional<MetricProvider> provider = lookup.find(spec.types().get(0));
    if (provider.isPresent()) {
      Map<String, String> inner = provider.get().metadata(contextFor(context, spec));
      inner.forEach((k, v) -> out.put(series + "." + k, context.redact(v)));
    }
  }

  private double[] sample(String series, ProviderSpec spec, MeasurementContext context, Map<String, String> metadata)
      throws InterruptedException {
    return SeriesValues.of(series, spec.types().get(0), value(series, spec, context, metadata));
  }

  private @Nullable Object value(String series, ProviderSpec spec, MeasurementContext context,
      Map<String, String> metadata) throws InterruptedException {
    String type = spec.types().get(0);
    MetricProvider provider = lookup.find(type).orElseThrow(() -> new SeriesException(
        series + " series: no metric provider registered for \"" + type + "\""));
    ProviderResult result;
    try {
      result = provider.run(contextFor(context, spec));
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // the engine would record the same failure, but without saying which series failed
      String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new SeriesException(series + " series: " + why);
    }
    result.metadata().forEach((k, v) -> metadata.put(series + "." + k, context.redact(v)));
    if (result instanceof ProviderResult.Observed) {
      return ((ProviderResult.Observed) result).value();
    }
    if (result instanceof ProviderResult.Errored) {
      throw new SeriesException(series + " series: " + ((ProviderResult.Errored) result).message());
    }
    throw new SeriesException(series + " series: provider \"" + type + "\" did not return a value"
        + " (only providers that answer with a value at once, such as prometheus or web, can feed the judge)");
  }

  private static MeasurementContext contextFor(MeasurementContext context, ProviderSpec spec) {
    Metric metric = context.metric().toBuilder().provider(spec).build();
    return new MeasurementContext(context.run(), metric, context.result(), context.now(), context.secretValues());
  }

  /** Closes the series providers this judge created itself ({@link #discovering}); never those passed to it. */
  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }

  @Override
  public String toString() {
    return "JudgeMetricProvider[" + TYPE + "]";
  }
}
