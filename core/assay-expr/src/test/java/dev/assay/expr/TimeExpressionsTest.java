/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argo's {@code EvalTime} for Prometheus range-query bounds, and time values in conditions. */
class TimeExpressionsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "now()                                                                  | 2026-03-01T12:00:00Z",
    "now() - duration(\"5m\")                                               | 2026-03-01T11:55:00Z",
    "now() + duration(\"1h30m\")                                            | 2026-03-01T13:30:00Z",
    "date(\"2023-08-14 00:00:00\", \"2006-01-02 15:04:05\", \"UTC\") - duration(\"1h\") | 2023-08-13T23:00:00Z",
    "date(\"2023-08-14 00:00:00\", \"2006-01-02 15:04:05\", \"Europe/Berlin\")   | 2023-08-13T22:00:00Z",
    "date(\"2023-08-14T10:00:00Z\")                                         | 2023-08-14T10:00:00Z",
    "date(\"2023-08-14T10:00:00+02:00\")                                    | 2023-08-14T08:00:00Z",
    "date(\"2023-08-14\")                                                   | 2023-08-14T00:00:00Z",
    "date(\"14 Aug 23 10:00 UTC\", \"02 Jan 06 15:04 MST\")                 | 2023-08-14T10:00:00Z",
    "date(\"Aug 14, 2023 at 3:04pm\", \"Jan 2, 2006 at 3:04pm\")            | 2023-08-14T15:04:00Z",
    "date(\"2023-08-14 00:00:00.250\", \"2006-01-02 15:04:05.000\")          | 2023-08-14T00:00:00.250Z",
    "now() - (now() - now())                                                | 2026-03-01T12:00:00Z",
  })
  void evaluate_timeExpression_givesInstant(String source, String expected) {
    assertThat(TimeExpressions.evaluate(source, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "now() - duration(\"??\")          | time: invalid duration \"??\"",
    "now() - duration(\"1\")           | time: missing unit in duration \"1\"",
    "now() - duration(\"60s-typo\")    | time: unknown unit \"s-typo\" in duration \"60s-typo\"",
    "now() - duration(\"\")            | time: invalid duration \"\"",
    "hello                            | unknown name hello",
    "\"2023\"                         | expected time.Time, but got string",
    "duration(\"1h\")                 | expected time.Time, but got time.Duration",
    "1 + 1                            | expected time.Time, but got int",
    "result                           | unknown name result",
    "asInt(1) > 0                     | unknown name asInt",
    "isNaN(1.0)                       | expected time.Time, but got bool",
    "date(\"x\", \"2006\")            | parsing time \"x\" as \"2006\": cannot parse \"x\" as \"2006\"",
    "date(\"2023\", \"2006\", \"Mars/Base\") | unknown time zone Mars/Base",
  })
  void evaluate_badExpression_throwsArgoReason(String source, String reason) {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> TimeExpressions.evaluate(source, NOW));
    assertThat(e.reason()).isEqualTo(reason);
  }

  @Test
  void evaluate_syntaxError_isSyntaxException() {
    assertThat(catchThrowableOfType(ExpressionSyntaxException.class,
        () -> TimeExpressions.evaluate("now() -- ?", NOW))).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "now() > date(\"2020-01-01\")                                  | true",
    "now() - date(\"2026-03-01T11:00:00Z\") == duration(\"1h\")     | true",
    "duration(\"1h\") > duration(\"30m\")                          | true",
    "duration(\"1m30s\") == duration(\"90s\")                      | true",
    "duration(\"1.5h\") == duration(\"90m\")                       | true",
    "duration(\"-1m\") < duration(\"0\")                           | true",
    "duration(\"300ms\") + duration(\"700ms\") == duration(\"1s\") | true",
    "string(duration(\"1h2m3.5s\")) == \"1h2m3.5s\"                | true",
    "string(duration(\"90s\")) == \"1m30s\"                        | true",
    "string(duration(\"1.5ms\")) == \"1.5ms\"                      | true",
    "string(duration(\"2us\")) == \"2\u00b5s\"                     | true",
    "string(duration(\"0s\")) == \"0s\"                            | true",
    "string(date(\"2023-08-14\")) == \"2023-08-14 00:00:00 +0000 UTC\" | true",
    "now() < date(\"2020-01-01\")                                  | false",
  })
  void condition_withTimes_comparesLikeGo(String condition, boolean expected) {
    assertThat(Conditions.evaluate(condition, "", 1.0, NOW).phase().wireName())
        .isEqualTo(expected ? "Successful" : "Failed");
  }

  @Test
  void condition_nowWithoutTime_isError() {
    ConditionOutcome out = Conditions.evaluate("now() > date(\"2020-01-01\")", "", 1.0);
    assertThat(out.message()).isEqualTo("could not evaluate successCondition \"now() > date(\"2020-01-01\")\": "
        + "now() is not available: no evaluation time was supplied");
  }
}
