/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.AnalysisTemplate;
import dev.assay.model.Argument;
import dev.assay.judge.JudgeRule;
import dev.assay.judge.JudgeSpec;
import dev.assay.model.Metric;
import dev.assay.template.ArgumentResolver;
import dev.assay.template.MetricValidator;
import dev.assay.template.ResolvedMetrics;
import dev.assay.template.SecretResolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanaryTemplatesTest {
  @ParameterizedTest
  @ValueSource(strings = {"smoke-test", "error-rate-analysis", "latency-analysis", "full-analysis",
      "pre-promotion-analysis"})
  void yamlResourceEqualsFactoryDefaults(String name) {
    AnalysisTemplate fromFactory = CanaryTemplates.all().get(CanaryTemplates.NAMES.indexOf(name));

    assertThat(CanaryTemplates.load(name)).isEqualTo(fromFactory);
  }

  @ParameterizedTest
  @ValueSource(strings = {"smoke-test", "error-rate-analysis", "latency-analysis", "full-analysis",
      "pre-promotion-analysis"})
  void everyArgumentResolvesAndTheMetricsValidate(String name) {
    AnalysisTemplate t = CanaryTemplates.load(name);
    List<Argument> args = new ArrayList<>();
    for (Argument a : t.spec().args()) {
      args.add(a.value() == null ? Argument.of(a.name(), "x-" + a.name()) : a);
    }

    ResolvedMetrics resolved =
        ArgumentResolver.resolve(t.spec().metrics(), args, "shop", SecretResolver.none());

    MetricValidator.validate(resolved.metrics());
    for (Metric m : resolved.metrics()) {
      assertThat(m.toString()).doesNotContain("{{");
    }
  }

  @Test
  void optionsChangeLimitsAndNames() {
    TemplateOptions.ErrorRate strict = new TemplateOptions.ErrorRate(0.01, 0.02, 0.99, 0.98, 0.5,
        new Schedule(3, "30s", "1m"), MetricNames.DEFAULT.withPrometheusAddress("http://prom:9090"));

    AnalysisTemplate t = CanaryTemplates.errorRate(strict);

    Metric errorRate = t.spec().metrics().get(0);
    assertThat(errorRate.successCondition()).isEqualTo("len(result) > 0 && result[0] < 0.01");
    assertThat(errorRate.failureCondition()).isEqualTo("len(result) > 0 && result[0] >= 0.02");
    assertThat(t.spec().args()).contains(Argument.of("prometheus-address", "http://prom:9090"),
        Argument.of("count", "3"), Argument.of("interval", "30s"), Argument.of("window", "1m"));
  }

  @Test
  void unknownTemplateNamesTheKnownOnes() {
    assertThatThrownBy(() -> CanaryTemplates.load("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("smoke-test");
  }

  @Test
  void errorRateBoundsMustBeOrdered() {
    assertThatThrownBy(() -> new TemplateOptions.ErrorRate(0.1, 0.05, 0.95, 0.9, 1, Schedule.DEFAULT,
        MetricNames.DEFAULT)).hasMessageContaining("failAtOrAbove must be >= successBelow");
  }

  @Test
  void latencyJudgesCanaryAgainstStableWithTheMarginOfTheOptions() {
    AnalysisTemplate t = CanaryTemplates.latency(new TemplateOptions.Latency(0.1, 0.5, 1.35, 1, "5m", "10s",
        Schedule.DEFAULT, MetricNames.DEFAULT));
    List<Argument> args = new ArrayList<>();
    for (Argument a : t.spec().args()) {
      args.add(a.value() == null ? Argument.of(a.name(), "h-" + a.name()) : a);
    }
    Metric metric = ArgumentResolver.resolve(t.spec().metrics(), args, "shop", SecretResolver.none()).metrics()
        .stream().filter(m -> m.name().equals("p99-vs-stable")).findFirst().orElseThrow();

    JudgeSpec judge = JudgeSpec.of(metric);

    assertThat(judge.rule()).isEqualTo(JudgeRule.NON_INFERIORITY);
    assertThat(judge.margin()).isEqualTo(0.35);
    assertThat(judge.canary().prometheus().query()).contains("=\"h-canary-hash\"");
    assertThat(judge.baseline().prometheus().query()).contains("=\"h-stable-hash\"");
    assertThat(judge.canary().prometheus().rangeQuery().start()).isEqualTo("now() - duration(\"5m\")");
    assertThat(judge.baseline().prometheus().rangeQuery().step()).isEqualTo("10s");
    assertThat(metric.successCondition()).isEqualTo("result.verdict == \"pass\"");
    assertThat(metric.failureCondition()).isEqualTo("result.verdict == \"fail\"");
  }

  @Test
  void latencyRejectsASlowdownRatioThatIsNoMargin() {
    assertThatThrownBy(() -> new TemplateOptions.Latency(0.1, 0.5, 1.0, 1, "10m", "15s", Schedule.DEFAULT,
        MetricNames.DEFAULT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSlowdownRatio");
  }
}
