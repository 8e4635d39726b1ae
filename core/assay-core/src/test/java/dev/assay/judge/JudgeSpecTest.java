/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.stats.Direction;
import dev.assay.stats.EffectSizeMeasure;
import dev.assay.stats.KayentaJudge;
import dev.assay.stats.KayentaJudgeConfig;
import dev.assay.stats.NanStrategy;
import dev.assay.stats.NonInferiorityJudge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeSpecTest {
  private static final ProviderSpec CANARY = ProviderSpec.of(PrometheusMetric.of("http://prom:9090", "canary"));
  private static final ProviderSpec BASELINE = ProviderSpec.of(PrometheusMetric.of("http://prom:9090", "stable"));

  private static Map<String, Object> block(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("canary", Map.of("prometheus", Map.of("address", "http://prom:9090", "query", "canary")));
    m.put("baseline", Map.of("prometheus", Map.of("address", "http://prom:9090", "query", "stable")));
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void defaults_areNonInferiorityTwentyPercentHigherIsWorse() {
    JudgeSpec spec = JudgeSpec.fromBlock(block());
    assertThat(spec.rule()).isEqualTo(JudgeRule.NON_INFERIORITY);
    assertThat(spec.direction()).isEqualTo(Direction.INCREASE);
    assertThat(spec.margin()).isEqualTo(0.2);
    assertThat(spec.confidence()).isEqualTo(0.98);
    assertThat(spec.canary()).isEqualTo(CANARY);
    assertThat(spec.baseline()).isEqualTo(BASELINE);
    assertThat(spec.judge()).isInstanceOf(NonInferiorityJudge.class);
  }

  @Test
  void numbersAndBooleans_mayBeText_asAfterArgumentSubstitution() {
    JudgeSpec spec = JudgeSpec.fromBlock(block("margin", "0.1", "confidence", "0.95", "direction", "either"));
    assertThat(spec.margin()).isEqualTo(0.1);
    assertThat(spec.confidence()).isEqualTo(0.95);
    assertThat(spec.direction()).isEqualTo(Direction.EITHER);
    JudgeSpec k = JudgeSpec.fromBlock(block("rule", "kayenta", "critical", "true"));
    assertThat(k.kayenta().critical()).isTrue();
  }

  @Test
  void kayentaOptions_useKayentaCanaryConfigNames() {
    JudgeSpec spec = JudgeSpec.fromBlock(block("rule", "kayenta", "tolerance", 0.1, "nanStrategy", "replace",
        "effectSize", Map.of("measure", "cles", "allowedIncrease", 0.6, "criticalIncrease", 0.9),
        "outliers", Map.of("strategy", "remove", "outlierFactor", 2), "mustHaveData", true));
    KayentaJudgeConfig k = spec.kayenta();
    assertThat(spec.direction()).isEqualTo(Direction.EITHER);
    assertThat(k.tolerance()).isEqualTo(0.1);
    assertThat(k.nanStrategy()).isEqualTo(NanStrategy.REPLACE);
    assertThat(k.effectSizeMeasure()).isEqualTo(EffectSizeMeasure.CLES);
    assertThat(k.allowedIncrease()).isEqualTo(0.6);
    assertThat(k.criticalIncrease()).isEqualTo(0.9);
    assertThat(k.removeOutliers()).isTrue();
    assertThat(k.outlierFactor()).isEqualTo(2.0);
    assertThat(k.mustHaveData()).isTrue();
    assertThat(spec.judge()).isInstanceOf(KayentaJudge.class);
  }

  @Test
  void toBlock_readsBackToTheSameSpec() {
    JudgeSpec ni = JudgeSpec.builder(CANARY, BASELINE).margin(0.15).unit("ms").confidence(0.9).build();
    JudgeSpec kay = JudgeSpec.builder(CANARY, BASELINE)
        .kayenta(KayentaJudgeConfig.builder().direction(Direction.INCREASE).allowedIncrease(1.1).build()).build();
    assertThat(JudgeSpec.fromBlock(ni.toBlock())).isEqualTo(ni);
    assertThat(JudgeSpec.fromBlock(kay.toBlock())).isEqualTo(kay);
    assertThat(kay.direction()).isEqualTo(Direction.INCREASE);
    assertThat(ni.toBlock()).containsEntry("margin", 0.15).doesNotContainKey("tolerance");
  }

  @Test
  void yamlTemplate_loadsThroughArgosPluginMap() {
    AnalysisTemplate t = Manifests.read(String.join("\n",
        "apiVersion: argoproj.io/v1alpha1",
        "kind: AnalysisTemplate",
        "metadata: {name: latency}",
        "spec:",
        "  metrics:",
        "  - name: latency",
        "    successCondition: result.verdict == \"pass\"",
        "    provider:",
        "      plugin:",
        "        assay/judge:",
        "          canary: {prometheus: {address: 'http://prom:9090', query: canary}}",
        "          baseline: {prometheus: {address: 'http://prom:9090', query: stable}}",
        "          margin: 0.25",
        "          unit: ms",
        ""), AnalysisTemplate.class);
    Metric metric = t.spec().metrics().get(0);
    assertThat(metric.provider().types()).containsExactly(JudgeMetricProvider.TYPE);
    JudgeSpec spec = JudgeSpec.of(metric);
    assertThat(spec.margin()).isEqualTo(0.25);
    assertThat(spec.unit()).isEqualTo("ms");
    assertThat(spec.canary().prometheus().query()).isEqualTo("canary");
    assertThat(JudgeSpec.builder(CANARY, BASELINE).margin(0.25).unit("ms").build().toProviderSpec().types())
        .containsExactly(JudgeMetricProvider.TYPE);
  }

  @Test
  void invalidBlocks_nameTheKey() {
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("margn", 0.2)))
        .isInstanceOf(JudgeSpecException.class).hasMessageContaining("unknown key(s) [margn]");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("margin", "abc")))
        .hasMessage("assay/judge.margin must be a number, but was \"abc\"");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("margin", -1)))
        .hasMessageStartingWith("assay/judge.margin must be > 0");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("rule", "bayes")))
        .hasMessageContaining("assay/judge.rule must be one of non-inferiority or kayenta");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("tolerance", 0.3)))
        .hasMessage("assay/judge.tolerance does not apply to rule non-inferiority");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("rule", "kayenta", "margin", 0.3)))
        .hasMessage("assay/judge.margin does not apply to rule kayenta");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("rule", "kayenta", "outliers", Map.of("strategy", "cut"))))
        .hasMessage("assay/judge.outliers.strategy must be keep or remove, but was \"cut\"");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("rule", "kayenta", "effectSize", Map.of("allowed", 1))))
        .hasMessageContaining("assay/judge.effectSize has unknown key(s) [allowed]");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("confidence", 1.5)))
        .hasMessageStartingWith("assay/judge.confidence must be in (0, 1)");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("direction", "up")))
        .hasMessageStartingWith("assay/judge.direction is invalid");
  }

  @Test
  void series_mustNameExactlyOneProviderThatIsNotAJudge() {
    Map<String, Object> missing = block();
    missing.remove("baseline");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(missing))
        .hasMessage("assay/judge.baseline is required: the provider block that reads the baseline series");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("canary", Map.of())))
        .hasMessage("assay/judge.canary must name exactly one provider, but named none");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("canary", "prometheus")))
        .hasMessage("assay/judge.canary must be a map, but was \"prometheus\"");
    assertThatThrownBy(() -> JudgeSpec.fromBlock(block("canary", Map.of("plugin", Map.of("assay/judge", block())))))
        .hasMessage("assay/judge.canary must not be another judge");
    assertThatThrownBy(() -> JudgeSpec.of(Metric.builder("m").provider(CANARY).build()))
        .hasMessage("metric \"m\" has no provider.plugin[\"assay/judge\"] map");
    assertThat(List.of(JudgeRule.fromConfigName("KAYENTA"))).containsExactly(JudgeRule.KAYENTA);
  }

  @Test
  void toString_namesProvidersButNotTheirSettings() {
    Map<String, Object> withSecret = block("canary", Map.of("datadog", Map.of("apiKey", "s3cr3t")));
    JudgeSpec spec = JudgeSpec.fromBlock(withSecret);
    assertThat(spec.toString()).contains("canary=[datadog]").contains("baseline=[prometheus]")
        .contains("margin").doesNotContain("s3cr3t");
  }
}
