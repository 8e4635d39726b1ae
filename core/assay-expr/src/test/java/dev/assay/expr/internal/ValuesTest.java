/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.expr.ExpressionEvaluationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

  @ParameterizedTest
  @CsvSource({"0.5, 0.5", "1e6, 1000000", "123456789, 123456789", "1e20, 100000000000000000000", "1e21, 1e+21",
      "0.00001, 1e-05", "-0.0, -0"})
  void formatFloatV_values_keepsExprsPlainRangeUpTo1e21(double value, String expected) {
    assertThat(Values.formatFloatV(value)).isEqualTo(expected);
  }

  @Test
  void parseDuration_goEdgeCases_followModelGoDuration() {
    assertThat(Values.parseDuration("-9223372036854775808ns")).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
    assertThat(Values.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThatThrownBy(() -> Values.parseDuration("5\u00b5"))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessage("time: unknown unit \"\\xc2\\xb5\" in duration \"5\\xc2\\xb5\"");
    assertThatThrownBy(() -> Values.parseDuration("\u0661s"))
        .isInstanceOf(ExpressionEvaluationException.class)
        .hasMessage("time: invalid duration \"\\xd9\\xa1s\"");
  }

  @Test
  void quote_plainText_escapesQuotesAndBackslashes() {
    assertThat(Values.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }
}
