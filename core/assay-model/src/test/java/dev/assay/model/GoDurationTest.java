/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "0|0",
      "+0|0",
      "-0|0",
      "5s|5000000000",
      "1m30s|90000000000",
      "500ms|500000000",
      "1.5h|5400000000000",
      ".5s|500000000",
      "1.s|1000000000",
      "1h2m3s4ms5us6ns|3723004005006",
      "3µs|3000",
      "3μs|3000",
      "-1.5m|-90000000000",
      "2562047h47m16.854775807s|9223372036854775807",
      "-2562047h47m16.854775808s|-9223372036854775808",
      "0.000000001s|1",
      "1.0000000000000000000000001s|1000000000"})
  void parse_validText_givesNanoseconds(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "''|time: invalid duration \"\"",
      "-|time: invalid duration \"-\"",
      "1|time: missing unit in duration \"1\"",
      "1d|time: unknown unit \"d\" in duration \"1d\"",
      "60s-typo|time: unknown unit \"s-typo\" in duration \"60s-typo\"",
      ".s|time: invalid duration \".s\"",
      "s|time: invalid duration \"s\"",
      "1.5.5s|time: missing unit in duration \"1.5.5s\"",
      "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\"",
      "2562047h47m16.854775808s|time: invalid duration \"2562047h47m16.854775808s\"",
      "1 s|time: unknown unit \" s\" in duration \"1 s\"",
      "3é|time: unknown unit \"\\xc3\\xa9\" in duration \"3\\xc3\\xa9\""})
  void parse_invalidText_throwsGoMessage(String text, String message) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(InvalidDurationException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "0|0s",
      "1|1ns",
      "1500|1.5µs",
      "500000000|500ms",
      "90000000000|1m30s",
      "3600000000000|1h0m0s",
      "9900500000000|2h45m0.5s",
      "-1500000000|-1.5s",
      "-9223372036854775808|-2562047h47m16.854775808s"})
  void format_duration_matchesGoString(long nanos, String text) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1m30s", "500ms", "2h45m0.5s", "1.5µs", "-3s"})
  void formatThenParse_roundTrips(String text) {
    assertThat(GoDuration.format(GoDuration.parse(text))).isEqualTo(text);
  }
}
