/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.manifest.SourcePosition;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.MetricBuilder;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.WebMetric;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetricValidatorTest {
  private static MetricBuilder valid(String name) {
    return Metric.builder(name).provider(ProviderSpec.of(PrometheusMetric.of("", "up")));
  }

  static List<Arguments> invalidMetrics() {
    return List.of(
        bad(b -> b.consecutiveSuccessLimit(-1), "consecutiveSuccessLimit must be >= 0", "consecutiveSuccessLimit"),
        bad(b -> b.failureLimit(-2), "failureLimit must be >= 0, or -1 to be disabled", "failureLimit"),
        bad(b -> b.failureLimit(-1), "failureLimit and consecutiveSuccessLimit cannot both be disabled",
            "failureLimit"),
        bad(b -> b.inconclusiveLimit(-1), "inconclusiveLimit must be >= 0", "inconclusiveLimit"),
        bad(b -> b.consecutiveErrorLimit(-1), "consecutiveErrorLimit must be >= 0", "consecutiveErrorLimit"),
        bad(b -> b.count(3).interval("1m").failureLimit(2).consecutiveSuccessLimit(2),
            "count (3) must be >= failureLimit + consecutiveSuccessLimit (2 + 2) if both >= 0", "count"),
        bad(b -> b.count(1).failureLimit(-1).consecutiveSuccessLimit(2),
            "count must be >= consecutiveSuccessLimit", "count"),
        bad(b -> b.count(1).inconclusiveLimit(2), "count must be >= inconclusiveLimit", "count"),
        bad(b -> b.count(2), "interval must be specified when count > 1", "interval"),
        bad(b -> b.interval("5 minutes"), "invalid interval string: time: unknown unit \" minutes\" in duration "
            + "\"5 minutes\"", "interval"),
        bad(b -> b.initialDelay("1d"), "invalid startDelay string: time: unknown unit \"d\" in duration \"1d\"",
            "initialDelay"),
        bad(b -> b.provider(new ProviderSpec(null, null, null, Map.of())), "no provider specified", "provider"),
        bad(b -> b.provider(new ProviderSpec(PrometheusMetric.of("", "up"), WebMetric.get("http://x", ""), null,
            null)), "multiple providers specified", "provider"),
        bad(b -> b.provider(ProviderSpec.of("plugin", Map.of("a/one", Map.of(), "b/two", Map.of()))),
            "multiple providers specified", "provider"));
  }

  private static Arguments bad(UnaryOperator<MetricBuilder> change, String message, String field) {
    return Arguments.of(message, change, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMetrics")
  void validate_invalidSecondMetric_throwsArgoMessageAndFieldPath(
      String message, UnaryOperator<MetricBuilder> change, String field) {
    List<Metric> metrics = List.of(valid("first").build(), change.apply(valid("second")).build());
    TemplateValidationException e =
        catchThrowableOfType(TemplateValidationException.class, () -> MetricValidator.validate(metrics));
    assertThat(e).hasMessage("metrics[1]: " + message);
    assertThat(e.fieldPath()).isEqualTo("metrics[1]." + field);
    assertThat(e.position()).isEmpty();
  }

  @Test
  void validate_emptyList_throwsNoMetrics() {
    TemplateValidationException e =
        catchThrowableOfType(TemplateValidationException.class, () -> MetricValidator.validate(List.of()));
    assertThat(e).hasMessage("no metrics specified");
  }

  @Test
  void validate_duplicateName_throws() {
    TemplateValidationException e = catchThrowableOfType(TemplateValidationException.class,
        () -> MetricValidator.validate(List.of(valid("a").build(), valid("a").build())));
    assertThat(e).hasMessage("metrics[1]: duplicate name 'a'");
    assertThat(e.fieldPath()).isEqualTo("metrics[1].name");
  }

  @Test
  void validate_unparsableStringLimits_countAsZero() {
    Metric metric = valid("m").count(IntOrString.of("many")).failureLimit(IntOrString.of("{{args.x}}")).build();
    assertThatCode(() -> MetricValidator.validate(List.of(metric))).doesNotThrowAnyException();
  }

  @Test
  void validate_negativeCountAndGoodDurations_pass() {
    Metric metric = valid("m").count(-3).interval("1m30s").initialDelay("500ms").build();
    assertThatCode(() -> MetricValidator.validate(List.of(metric))).doesNotThrowAnyException();
  }

  @Test
  void exception_at_addsPositionToDescription() {
    TemplateValidationException e = new TemplateValidationException("metrics[0]: bad", "metrics[0].interval")
        .at(new SourcePosition(12, 17));
    assertThat(e.position()).contains(new SourcePosition(12, 17));
    assertThat(e.describe()).isEqualTo("metrics[0]: bad (at metrics[0].interval, line 12, column 17)");
    assertThat(e).hasMessage("metrics[0]: bad");
  }
}
