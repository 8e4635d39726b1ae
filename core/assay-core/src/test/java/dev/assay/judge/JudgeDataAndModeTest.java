/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.judge.internal.SequentialStates;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import dev.assay.stats.ProportionJudge;
import dev.assay.stats.ProportionMargin;
import dev.assay.stats.SequentialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judge block's {@code data} and {@code mode}, and the provider's counts and sequential state. */
class JudgeDataAndModeTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static Map<String, Object> prom(String query) {
    return Map.of("prometheus", Map.of("address", "http://prom:9090", "query", query));
  }

  private static Map<String, Object> countsBlock(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("data", "counts");
    m.put("canary", Map.of("events", prom("canary_errors"), "trials", prom("canary_requests")));
    m.put("baseline", Map.of("events", prom("stable_errors"), "trials", prom("stable_requests")));
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static SeriesByQueryProvider counts(double canaryErrors, double stableErrors) {
    return new SeriesByQueryProvider().answer("canary_errors", List.of(canaryErrors))
        .answer("canary_requests", List.of(1000.0)).answer("stable_errors", List.of())
        .answer("stable_requests", List.of(1000.0)).answer("stable_errors", List.of(stableErrors));
  }

  private static MeasurementContext context(JudgeSpec spec, List<Measurement> earlier) {
    Metric metric = Metric.builder("errors").provider(spec.toProviderSpec()).build();
    MetricResult result = MetricResult.start("errors", false, Map.of()).toBuilder().measurements(earlier).build();
    return new MeasurementContext(new RunRef("run", "shop", "uid-1"), metric, result, NOW, List.of());
  }

  private static Measurement measurement(AnalysisPhase phase, Map<String, String> metadata) {
    return Measurement.builder().phase(phase).startedAt(NOW).finishedAt(NOW).metadata(metadata).build();
  }

  @Test
  void countsBlockReadsEventsAndTrialsAndRoundTrips() {
    JudgeSpec spec = JudgeSpec.fromBlock(countsBlock("maxRatio", "1.5", "mode", "sequential"));

    assertThat(spec.data()).isEqualTo(JudgeData.COUNTS);
    assertThat(spec.mode()).isEqualTo(JudgeMode.SEQUENTIAL);
    assertThat(spec.proportionMargin()).isEqualTo(ProportionMargin.ratio(1.5));
    assertThat(spec.canaryTrials().orElseThrow().prometheus().query()).isEqualTo("canary_requests");
    assertThat(spec.plannedSize()).isEqualTo(10_000);
    assertThat(spec.judge()).isInstanceOf(ProportionJudge.class);
    assertThat(JudgeSpec.fromBlock(spec.toBlock())).isEqualTo(spec);
    assertThat(spec.toString()).contains("data=counts", "SequentialJudge[proportions, margin=1.5x");
  }

  @Test
  void invalidCombinationsNameTheKey() {
    assertThatThrownBy(() -> JudgeSpec.fromBlock(countsBlock("margin", 0.2)))
        .hasMessage("assay/judge.margin does not apply to data counts (use marginPoints or maxRatio)");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(countsBlock("marginPoints", 1, "maxRatio", 2)))
        .hasMessageContaining("assay/judge.maxRatio and marginPoints are exclusive");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(countsBlock("rule", "kayenta")))
        .hasMessageContaining("rule kayenta judges values in fixed mode only");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(countsBlock("plannedSize", 100)))
        .hasMessage("assay/judge.plannedSize applies to mode sequential only");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(countsBlock("data", "rates")))
        .hasMessage("assay/judge.data must be one of values, flags or counts, but was \"rates\"");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(countsBlock("marginPoints", 0)))
        .hasMessage("assay/judge.marginPoints must be in (0, 100), but was 0.0");
    Map<String, Object> missingTrials = countsBlock();
    missingTrials.put("canary", Map.of("events", prom("canary_errors")));
    assertThatThrownBy(() -> JudgeSpec.fromBlock(missingTrials))
        .hasMessageContaining("assay/judge.canary.trials is required");
    Map<String, Object> typo = countsBlock();
    typo.put("canary", Map.of("events", prom("e"), "trials", prom("t"), "trails", prom("t")));
    assertThatThrownBy(() -> JudgeSpec.fromBlock(typo)).hasMessageContaining("assay/judge.canary has unknown key(s) "
        + "[trails]");
  }

  @Test
  void fixedCountsAreJudgedAsRates() throws Exception {
    JudgeSpec spec = JudgeSpec.fromBlock(countsBlock());
    ProviderResult r = JudgeMetricProvider.delegatingTo(counts(30, 10)).run(context(spec, List.of()));

    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    assertThat(r.metadata()).containsEntry("verdict", "inconclusive").containsEntry("rule", "proportion")
        .containsEntry("canary.counts", "30/1000").containsEntry("baseline.counts", "10/1000")
        .doesNotContainKey(SequentialStates.KEY);
  }

  @Test
  void sequentialLooksContinueFromTheNewestStateAndErrorsCarryItOn() throws Exception {
    JudgeSpec spec = JudgeSpec.fromBlock(countsBlock("mode", "sequential"));
    JudgeMetricProvider judge = JudgeMetricProvider.delegatingTo(counts(10, 10));
    String earlier = new SequentialState("proportion", dev.assay.stats.RunningMoments.of(
        new dev.assay.stats.EventCounts(20, 2000)), dev.assay.stats.RunningMoments.of(
        new dev.assay.stats.EventCounts(20, 2000)), 2).encode();
    List<Measurement> history = List.of(measurement(AnalysisPhase.SUCCESSFUL, Map.of(SequentialStates.KEY, earlier)),
        measurement(AnalysisPhase.ERROR, Map.of()));

    ProviderResult third = judge.run(context(spec, history));
    SequentialState state = SequentialState.decode(third.metadata().get(SequentialStates.KEY));
    assertThat(state.looks()).isEqualTo(3);
    assertThat(state.canary().count()).isEqualTo(3000);

    ProviderResult broken = JudgeMetricProvider.delegatingTo(new SeriesByQueryProvider())
        .run(context(spec, List.of(measurement(AnalysisPhase.SUCCESSFUL, third.metadata()))));
    assertThat(broken).isInstanceOf(ProviderResult.Errored.class);
    assertThat(broken.metadata()).containsEntry(SequentialStates.KEY, third.metadata().get(SequentialStates.KEY));
  }

  @Test
  void sequentialLookWithoutAnyRetainedStateRestartsAndSaysSo() throws Exception {
    JudgeSpec spec = JudgeSpec.fromBlock(countsBlock("mode", "sequential"));
    ProviderResult r = JudgeMetricProvider.delegatingTo(counts(10, 10))
        .run(context(spec, List.of(measurement(AnalysisPhase.ERROR, Map.of()))));

    assertThat(r.metadata().get("reason")).contains("no earlier look's state was found in the retained "
        + "measurements, so the sequence restarted");
    assertThat(SequentialState.decode(r.metadata().get(SequentialStates.KEY)).looks()).isEqualTo(1);
  }

  @Test
  void countsMustBeCountsAndEventsCannotExceedTrials() throws Exception {
    JudgeSpec spec = JudgeSpec.fromBlock(countsBlock());
    ProviderResult tooMany = JudgeMetricProvider.delegatingTo(counts(2000, 10)).run(context(spec, List.of()));
    assertThat(((ProviderResult.Errored) tooMany).message())
        .isEqualTo("canary series: 2000 events out of 1000 trials; events must not exceed trials (do both queries "
            + "cover the same window and requests?)");

    SeriesByQueryProvider text = counts(1, 1).answer("canary_errors", "many");
    assertThat(((ProviderResult.Errored) JudgeMetricProvider.delegatingTo(text).run(context(spec, List.of())))
        .message()).contains("canary.events series: provider \"prometheus\" returned text \"many\"");
  }

  @Test
  void flagsInFixedModeUseTheProportionJudge() throws Exception {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("data", "flags");
    block.put("marginPoints", "5");
    block.put("canary", prom("canary"));
    block.put("baseline", prom("stable"));
    JudgeSpec spec = JudgeSpec.fromBlock(block);
    SeriesByQueryProvider flags = new SeriesByQueryProvider()
        .answer("canary", java.util.Collections.nCopies(400, 0.0))
        .answer("stable", java.util.Collections.nCopies(400, 0.0));

    ProviderResult r = JudgeMetricProvider.delegatingTo(flags).run(context(spec, List.of()));
    assertThat(r.metadata()).containsEntry("verdict", "pass").containsEntry("method", "newcombe-clopper-pearson");
    assertThat(JudgeSpec.builder(ProviderSpec.of(PrometheusMetric.of("http://p", "c")),
        ProviderSpec.of(PrometheusMetric.of("http://p", "s"))).data(JudgeData.FLAGS).build().toBlock())
        .containsEntry("data", "flags").containsEntry("marginPoints", 1.0);
  }
}
