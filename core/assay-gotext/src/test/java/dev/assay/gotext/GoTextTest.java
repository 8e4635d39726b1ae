/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.gotext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTextTest {

  @ParameterizedTest
  @CsvSource({
      "1, 1", "0.5, 0.5", "1e21, 1e+21", "1e20, 100000000000000000000", "0.000001, 0.000001", "1e-7, 1e-7",
      "1.5e-10, 1.5e-10", "-2.25, -2.25", "0.1, 0.1", "123456789.125, 123456789.125", "1e100, 1e+100",
      "9007199254740993, 9007199254740992", "0, 0", "-0.0, -0", "2.5e-6, 0.0000025", "1.2345e22, 1.2345e+22"})
  void formatJsonNumber_finiteValues_printsLikeEncodingJson(double value, String expected) {
    assertThat(GoText.formatJsonNumber(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "1e6, 1e+06", "100000, 100000", "0.0001, 0.0001", "0.00001, 1e-05", "1.5, 1.5",
      "123456789, 1.23456789e+08"})
  void formatV_values_printsLikeFmtV(double value, String expected) {
    assertThat(GoText.formatV(value)).isEqualTo(expected);
  }

  @Test
  void formatV_specialValues_printsGoSpellings() {
    assertThat(GoText.formatV(Double.NaN)).isEqualTo("NaN");
    assertThat(GoText.formatV(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoText.formatV(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
  }

  @Test
  void formatJsonNumber_nonFinite_throwsGoMessage() {
    assertThatThrownBy(() -> GoText.formatJsonNumber(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("json: unsupported value: +Inf");
    assertThatThrownBy(() -> GoText.formatJsonNumber(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("json: unsupported value: NaN");
  }

  @ParameterizedTest
  @CsvSource({
      "10, 10", "0.95, 0.95", "-3.5, -3.5", "0.047619047619047616, 0.047619047619047616",
      "1e21, 1000000000000000000000", "1e-7, 0.0000001", "123456789012345678, 123456789012345680", "0.1, 0.1",
      "0.30000000000000004, 0.30000000000000004"})
  void formatFloat_finiteValues_printsAsGoFormatFloatF(double value, String expected) {
    assertThat(GoText.formatFloat(value)).isEqualTo(expected);
  }

  @Test
  void formatFloat_specialValues_printsGoSpellings() {
    assertThat(GoText.formatFloat(Double.NaN)).isEqualTo("NaN");
    assertThat(GoText.formatFloat(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoText.formatFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoText.formatFloat(0.0)).isEqualTo("0");
    assertThat(GoText.formatFloat(-0.0)).isEqualTo("-0");
  }

  @Test
  void formatFloat_java17ToStringExtraDigit_usesShortestDigits() {
    assertThat(GoText.formatFloat(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
    assertThat(GoText.formatFloat(1.5e300)).isEqualTo("15" + "0".repeat(299));
    assertThat(GoText.formatFloat(2.0E23)).isEqualTo("200000000000000000000000");
  }

  @Test
  void shortest_randomBitPatterns_readsBackAndIsNeverLongerThanJavas() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 2_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = GoText.formatJsonNumber(value);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
      assertThat(Double.parseDouble(GoText.formatFloat(value))).as(text).isEqualTo(value);
      int ours = GoText.shortest(value).precision();
      int javas = new BigDecimal(Double.toString(value)).stripTrailingZeros().precision();
      assertThat(ours).as("digits of %s", text).isLessThanOrEqualTo(javas);
    }
  }

  @Test
  void shortest_randomValues_noShorterDecimalReadsBack() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      double value = random.nextDouble() * Math.pow(10, random.nextInt(-8, 12));
      BigDecimal ours = GoText.shortest(value);
      if (ours.precision() > 1) {
        BigDecimal shorter = new BigDecimal(value).round(new java.math.MathContext(ours.precision() - 1));
        assertThat(shorter.doubleValue()).as("%s shortened to %s", ours, shorter).isNotEqualTo(value);
      }
    }
  }

  @Test
  void jsonMarshal_nestedValues_sortsKeysCompactly() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", List.of(1L, 2.5, true));
    inner.put("a", null);
    Map<Object, Object> outer = new LinkedHashMap<>();
    outer.put("z", "x<y & z>");
    outer.put("m", inner);
    outer.put(7, Arrays.asList(1e21, 0.1, -0.0, 3));
    assertThat(GoText.jsonMarshal(outer))
        .isEqualTo("{\"7\":[1e+21,0.1,-0,3],\"m\":{\"a\":null,\"b\":[1,2.5,true]},"
            + "\"z\":\"x\\u003cy \\u0026 z\\u003e\"}");
    assertThat(GoText.jsonMarshal(null)).isEqualTo("null");
  }

  @Test
  void jsonMarshal_unsupportedValues_throw() {
    assertThatThrownBy(() -> GoText.jsonMarshal(List.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("json: unsupported value: NaN");
    assertThatThrownBy(() -> GoText.jsonMarshal(new Object())).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a\"b|\"a\\\"b\"", "back\\slash|\"back\\\\slash\"", "\u2028\u2029|\"\\u2028\\u2029\"", "\ud83d\ude00|\"\ud83d\ude00\"",
      "\ud83d|\"\\ufffd\""})
  void appendJsonString_specialCharacters_escapesLikeEncodingJson(String text, String expected) {
    StringBuilder out = new StringBuilder();
    GoText.appendJsonString(out, text);
    assertThat(out.toString()).isEqualTo(expected);
  }

  @Test
  void compareStrings_astralAgainstPrivateUse_ordersByCodePoint() {
    String astral = new String(Character.toChars(0x1F600));
    assertThat(GoText.compareStrings(astral, "\uE000")).isPositive();
    assertThat(astral.compareTo("\uE000")).isNegative();
    assertThat(GoText.compareStrings("ab", "abc")).isNegative();
    assertThat(GoText.compareStrings("abc", "abc")).isZero();
  }

  @Test
  void appendJsonString_controlCharacters_usesShortEscapesWhereGoDoes() {
    StringBuilder out = new StringBuilder();
    GoText.appendJsonString(out, "\b\f\n\r\t\u0001");
    assertThat(out.toString()).isEqualTo("\"\\b\\f\\n\\r\\t\\u0001\"");
  }
}
