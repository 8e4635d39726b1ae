/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatsTest {

  @ParameterizedTest
  @CsvSource({
      "1, 1", "0.5, 0.5", "1e21, 1e+21", "1e20, 100000000000000000000", "0.000001, 0.000001", "1e-7, 1e-7",
      "1.5e-10, 1.5e-10", "-2.25, -2.25", "0.1, 0.1", "123456789.125, 123456789.125", "1e100, 1e+100",
      "9007199254740993, 9007199254740992", "0, 0", "-0.0, -0", "2.5e-6, 0.0000025", "1.2345e22, 1.2345e+22"})
  void formatsLikeEncodingJson(double value, String expected) {
    assertThat(GoFloats.formatJson(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "1e6, 1e+06", "100000, 100000", "0.0001, 0.0001", "0.00001, 1e-05", "1.5, 1.5",
      "123456789, 1.23456789e+08"})
  void formatsLikeFmtV(double value, String expected) {
    assertThat(GoFloats.formatV(value)).isEqualTo(expected);
  }

  @Test
  void specialValues() {
    assertThat(GoFloats.formatV(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloats.formatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThatThrownBy(() -> GoFloats.formatJson(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shortestDigitsReadBackAndAreNeverLongerThanJavas() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = GoFloats.formatJson(value);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
      int ours = GoFloats.shortest(value).precision();
      int javas = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().precision();
      assertThat(ours).as("digits of %s", text).isLessThanOrEqualTo(javas);
    }
  }
}
