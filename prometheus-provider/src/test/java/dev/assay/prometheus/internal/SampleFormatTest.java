/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleFormatTest {
  @ParameterizedTest
  @CsvSource({
    "10, 10", "0.95, 0.95", "-3.5, -3.5", "0.047619047619047616, 0.047619047619047616", "1e21, 1000000000000000000000",
    "1e-7, 0.0000001", "123456789012345678, 123456789012345680", "0.1, 0.1", "0.30000000000000004, 0.30000000000000004"
  })
  void format_finiteValues_printsAsGoFormatFloatF(double value, String expected) {
    assertThat(SampleFormat.format(value)).isEqualTo(expected);
  }

  @Test
  void format_specialValues_printsGoSpellings() {
    assertThat(SampleFormat.format(Double.NaN)).isEqualTo("NaN");
    assertThat(SampleFormat.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(SampleFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(SampleFormat.format(0.0)).isEqualTo("0");
    assertThat(SampleFormat.format(-0.0)).isEqualTo("-0");
  }

  @Test
  void format_java17LongToString_usesShortestDigits() {
    // Java 17 prints 2.0E-3 style values fine but some doubles with an extra digit; 5e-324 is the extreme.
    assertThat(SampleFormat.format(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
    assertThat(SampleFormat.format(1.5e300)).isEqualTo("15" + "0".repeat(299));
    assertThat(SampleFormat.format(2.0E23)).isEqualTo("200000000000000000000000");
  }

  @ParameterizedTest
  @CsvSource({"NaN", "nan", "+Inf", "-Inf", "Inf", "inf", "+infinity", "-Infinity"})
  void parse_specialSpellings_readAsIeeeValues(String text) {
    double v = SampleFormat.parse(text);
    assertThat(Double.isNaN(v) || Double.isInfinite(v)).isTrue();
    assertThat(text.startsWith("-") ? v < 0 : Double.isNaN(v) || v > 0).isTrue();
  }

  @Test
  void parse_garbage_throws() {
    assertThatThrownBy(() -> SampleFormat.parse("abc")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> SampleFormat.parse("1.5f")).isInstanceOf(NumberFormatException.class);
    assertThat(SampleFormat.parse("1e3")).isEqualTo(1000.0);
  }

  @ParameterizedTest
  @CsvSource({
    "10, true", "0.5, true", "-0.25, true", "123456789012345, true", "1234567890123456, false", "47.38291837491823, true", "0.10000000000000001, false", "0.50, false",
    "05, false", "1e3, false", "NaN, false", "-0, false", "0, false", "1., false", ".5, false", "0.047619047619047616, true"
  })
  void isCanonical_decimals_trueOnlyWhenGoWouldPrintTheSameText(String text, boolean expected) {
    assertThat(SampleFormat.isCanonical(text, SampleFormat.parse(text))).isEqualTo(expected);
    if (expected) {
      assertThat(SampleFormat.format(Double.parseDouble(text))).isEqualTo(text);
    }
  }

  @Test
  void isCanonical_randomDoubles_neverKeepsASpellingWithMoreDigitsThanGo() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int kept = 0;
    for (int i = 0; i < 20_000; i++) {
      double v = i % 2 == 0 ? random.nextDouble() * Math.pow(10, random.nextInt(-8, 12))
          : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      String shortest = SampleFormat.format(v);
      if (SampleFormat.isCanonical(shortest, v)) {
        kept++;
      }
      String longer = new java.math.BigDecimal(v).round(new java.math.MathContext(17)).stripTrailingZeros()
          .toPlainString();
      if (longer.replace("-", "").replace(".", "").replaceFirst("^0+", "").length()
          > shortest.replace("-", "").replace(".", "").replaceFirst("^0+", "").length()) {
        assertThat(SampleFormat.isCanonical(longer, v)).as("%s for %s", longer, shortest).isFalse();
      }
      assertThat(SampleFormat.parse(shortest)).isEqualTo(v);
    }
    assertThat(kept).as("most shortest spellings are recognised without reformatting").isGreaterThan(8_000);
  }
}
