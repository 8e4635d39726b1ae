/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.ProviderResult;
import dev.assay.spi.RunRef;
import dev.assay.stats.KayentaJudgeConfig;
import dev.assay.testing.ScriptStep;
import dev.assay.testing.ScriptedProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeMetricProviderTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final ProviderSpec CANARY = ProviderSpec.of(PrometheusMetric.of("http://prom:9090", "canary"));
  private static final ProviderSpec BASELINE = ProviderSpec.of(PrometheusMetric.of("http://prom:9090", "stable"));
  private static final List<Double> STABLE = Samples.around(150, 0.3, 60);

  private static MeasurementContext context(JudgeSpec spec, String... secrets) {
    Metric metric = Metric.builder("latency").successCondition("result.verdict == \"pass\"")
        .provider(spec.toProviderSpec()).build();
    return new MeasurementContext(new RunRef("run", "shop", "uid-1"), metric,
        MetricResult.start("latency", false, Map.of()), NOW, List.of(secrets));
  }

  private static ProviderResult judge(MetricProvider series, JudgeSpec spec) throws Exception {
    return JudgeMetricProvider.delegatingTo(series).run(context(spec));
  }

  private static Map<?, ?> value(ProviderResult r) {
    assertThat(r).isInstanceOf(ProviderResult.Observed.class);
    return (Map<?, ?>) ((ProviderResult.Observed) r).value();
  }

  @Test
  void healthyCanary_passes_andExplainsItself() throws Exception {
    SeriesByQueryProvider prom = new SeriesByQueryProvider()
        .answer("canary", Samples.around(152, 0.3, 60)).answer("stable", STABLE);
    ProviderResult r = judge(prom, JudgeSpec.builder(CANARY, BASELINE).unit("ms").build());

    Map<?, ?> result = value(r);
    assertThat(result.get("verdict")).isEqualTo("pass");
    assertThat(result.get("rule")).isEqualTo("non-inferiority");
    assertThat((List<?>) result.get("ci")).hasSize(2);
    assertThat((Double) ((List<?>) result.get("ci")).get(1)).isLessThan(0.2);
    assertThat(((ProviderResult.Observed) r).display())
        .contains("ms").contains("+20% margin").contains("[rule non-inferiority; n 60/60; U ").contains(", p ");
    assertThat(r.metadata()).containsEntry("verdict", "pass").containsEntry("nCanary", "60")
        .containsEntry("canary.query", "canary").containsEntry("baseline.query", "stable")
        .containsKeys("reason", "pValue", "u", "z", "shift", "ci", "medianCanary", "medianBaseline", "effectSize");
    assertThat(prom.queries()).containsExactly("canary", "stable");
  }

  @Test
  void fiftyPercentSlowerCanary_fails() throws Exception {
    SeriesByQueryProvider prom = new SeriesByQueryProvider()
        .answer("canary", Samples.around(225, 0.3, 60)).answer("stable", STABLE);
    Map<?, ?> result = value(judge(prom, JudgeSpec.builder(CANARY, BASELINE).build()));
    assertThat(result.get("verdict")).isEqualTo("fail");
    assertThat((Double) result.get("ratio")).isBetween(1.4, 1.6);
    assertThat((String) result.get("reason")).contains("lies above the +20% margin");
  }

  @Test
  void kayentasReportedMiss_isNotPassedByTheDefaultRule() throws Exception {
    // spinnaker#6278: Kayenta passes canary [100 x7, 1 x3] against baseline [1 x10].
    SeriesByQueryProvider prom = new SeriesByQueryProvider()
        .answer("canary", Samples.repeat(100, 7, List.of(1.0, 1.0, 1.0)))
        .answer("stable", Samples.repeat(1, 10, List.of()));
    Map<?, ?> ours = value(judge(prom, JudgeSpec.builder(CANARY, BASELINE).build()));
    Map<?, ?> kayenta = value(judge(prom,
        JudgeSpec.builder(CANARY, BASELINE).kayenta(KayentaJudgeConfig.builder().build()).build()));

    assertThat(kayenta.get("verdict")).isEqualTo("pass");
    assertThat(ours.get("verdict")).isEqualTo("inconclusive");
    assertThat((Long) ours.get("minSampleSize")).isGreaterThan(10L);
  }

  @Test
  void resultMetadata_holdsBothSeriesResolvedQueries() {
    JudgeMetricProvider judge = JudgeMetricProvider.delegatingTo(new SeriesByQueryProvider());
    Map<String, String> md = judge.metadata(context(JudgeSpec.builder(CANARY, BASELINE).build()));
    assertThat(md).containsExactly(Map.entry("canary.ResolvedPrometheusQuery", "canary"),
        Map.entry("baseline.ResolvedPrometheusQuery", "stable"));
    assertThat(judge.type()).isEqualTo("plugin/assay/judge");
  }

  @Test
  void scriptedSeries_areReadCanaryFirst() throws Exception {
    ScriptedProvider scripted = ScriptedProvider.builder("prometheus")
        .script("latency", ScriptStep.value(Samples.around(300, 0.1, 30)), ScriptStep.value(STABLE.subList(0, 30)))
        .build();
    Map<?, ?> result = value(judge(scripted, JudgeSpec.builder(CANARY, BASELINE).build()));
    assertThat(result.get("verdict")).isEqualTo("fail");
    assertThat((Double) result.get("medianCanary")).isGreaterThan((Double) result.get("medianBaseline"));
  }

  @Test
  void seriesProblems_becomeErrorsNamingTheSeries() throws Exception {
    JudgeSpec spec = JudgeSpec.builder(CANARY, BASELINE).build();
    assertThat(error(judge(new SeriesByQueryProvider().answer("canary", STABLE), spec)))
        .isEqualTo("baseline series: bad_data: no series for stable");
    assertThat(error(judge(new SeriesByQueryProvider().answer("canary", 0.5).answer("stable", STABLE), spec)))
        .isEqualTo("canary series: provider \"prometheus\" returned a Double, but the judge needs a list of"
            + " numbers (a single number cannot be ranked: use a range query)");
    assertThat(error(judge(new SeriesByQueryProvider().answer("canary", List.of(1.0, "x")), spec)))
        .isEqualTo("canary series: provider \"prometheus\" returned text \"x\" at index 1, but the judge needs a"
            + " list of numbers");
    assertThat(error(judge(scripted(ScriptStep.pending(Duration.ofMinutes(1))), spec)))
        .startsWith("canary series: provider \"prometheus\" did not return a value");
    assertThat(error(judge(scripted(ScriptStep.thrown("connection refused")), spec)))
        .isEqualTo("canary series: connection refused");
    assertThat(error(JudgeMetricProvider.delegatingTo(type -> java.util.Optional.empty()).run(context(spec))))
        .isEqualTo("canary series: no metric provider registered for \"prometheus\"");
  }

  @Test
  void errors_keepTheSeriesMetadata_andRedactSecrets() throws Exception {
    ProviderSpec secretQuery = ProviderSpec.of(PrometheusMetric.of("http://prom:9090", "token-s3cr3t"));
    JudgeSpec spec = JudgeSpec.builder(secretQuery, BASELINE).build();
    ProviderResult r = JudgeMetricProvider.delegatingTo(new SeriesByQueryProvider()).run(context(spec, "s3cr3t"));
    assertThat(error(r)).isEqualTo("canary series: bad_data: no series for token-*****");
    assertThat(r.metadata()).containsEntry("canary.warnings", "none");
  }

  @Test
  void invalidBlock_isAnErrorMeasurement() throws Exception {
    Metric metric = Metric.builder("latency")
        .provider(ProviderSpec.of("plugin", Map.of("assay/judge", Map.of("canary", Map.of())))).build();
    MeasurementContext ctx = new MeasurementContext(new RunRef("run", "shop", "uid-1"), metric,
        MetricResult.start("latency", false, Map.of()), NOW, List.of());
    JudgeMetricProvider judge = JudgeMetricProvider.delegatingTo(new SeriesByQueryProvider());
    assertThat(error(judge.run(ctx)))
        .isEqualTo("assay/judge.baseline is required: the provider block that reads the baseline series");
    assertThat(judge.metadata(ctx)).isEmpty();
  }

  private static ScriptedProvider scripted(ScriptStep step) {
    return ScriptedProvider.builder("prometheus").script("latency", step).build();
  }

  private static String error(ProviderResult r) {
    assertThat(r).isInstanceOf(ProviderResult.Errored.class);
    return ((ProviderResult.Errored) r).message();
  }
}
