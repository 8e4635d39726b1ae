/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRulesTest {
  private static final List<Metric> METRICS = List.of(metric("success-rate"), metric("error-rate"), metric("latency"));

  private static Metric metric(String name) {
    return Metric.builder(name).provider(ProviderSpec.of(PrometheusMetric.of("", "up"))).build();
  }

  @Test
  void dryRunMetrics_unanchoredRegexp_matchesInsideNames() {
    assertThat(RunRules.dryRunMetrics(List.of(new DryRun("rate")), METRICS))
        .containsExactly("success-rate", "error-rate");
    assertThat(RunRules.dryRunMetrics(List.of(new DryRun(".*")), METRICS)).hasSize(3);
    assertThat(RunRules.dryRunMetrics(List.of(), METRICS)).isEmpty();
  }

  @Test
  void dryRunMetrics_ruleWithoutMatch_throwsWithIndexAndPath() {
    assertThatThrownBy(() -> RunRules.dryRunMetrics(List.of(new DryRun("latency"), new DryRun("cpu")), METRICS))
        .isInstanceOf(TemplateValidationException.class)
        .hasMessage("dryRun[1]: Rule didn't match any metric name(s)")
        .extracting(e -> ((TemplateValidationException) e).fieldPath())
        .isEqualTo("dryRun[1].metricName");
  }

  @Test
  void retentionLimits_lastMatchingRuleWins_andNonPositiveMeansDefault() {
    Map<String, Integer> limits = RunRules.retentionLimits(List.of(
        new MeasurementRetention(".*", 20), new MeasurementRetention("^error", 0),
        new MeasurementRetention("latency", 5)), METRICS);
    assertThat(limits).containsExactly(Map.entry("success-rate", 20), Map.entry("error-rate", 10),
        Map.entry("latency", 5));
  }

  @Test
  void retentionLimits_invalidRegexp_matchesNothing() {
    assertThatThrownBy(() -> RunRules.retentionLimits(List.of(new MeasurementRetention("*", 3)), METRICS))
        .hasMessage("measurementRetention[0]: Rule didn't match any metric name(s)");
    assertThat(RunRules.retentionLimits(List.of(), METRICS)).containsEntry("latency", 10);
  }
}
