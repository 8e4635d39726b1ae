/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default judge's relative interval is {@code exp(R's interval of the log shift) - 1}: checked on the R
 * reference cases whose samples are log values.
 */
class NonInferiorityReferenceTest {
  @ParameterizedTest
  @ValueSource(strings = {"lognormal-30-30-log", "large-1000-1000-log", "kayenta-miss-log"})
  void relativeIntervalIsTheExponentiatedLogInterval(String name) throws IOException {
    JsonNode c = MannWhitneyReferenceTest.cases().stream()
        .filter(n -> n.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
    double[] canary = Arrays.stream(MannWhitneyReferenceTest.doubles(c.get("x"))).map(Math::exp).toArray();
    double[] baseline = Arrays.stream(MannWhitneyReferenceTest.doubles(c.get("y"))).map(Math::exp).toArray();

    JudgeStatistics s = NonInferiorityJudge.withDefaults()
        .withConfidence(MannWhitneyReferenceTest.number(c.get("confLevel")))
        .judge(canary, baseline)
        .statistics();

    assertThat(s.scale()).isEqualTo("log");
    assertThat(s.pValue()).isCloseTo(MannWhitneyReferenceTest.number(c.get("pValue")), within(1e-9));
    assertThat(s.relativeShift()).isCloseTo(Math.expm1(c.get("estimate").asDouble()), within(1e-9));
    assertThat(s.relativeLow()).isCloseTo(Math.expm1(c.get("confInt").get(0).asDouble()), within(1e-9));
    assertThat(s.relativeHigh()).isCloseTo(Math.expm1(c.get("confInt").get(1).asDouble()), within(1e-9));
  }
}
