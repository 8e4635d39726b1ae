/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated expressions: compilation and evaluation either succeed or throw our own exception. The inputs
 * come from a seeded generator, so a failure names its seed and reproduces exactly.
 */
class ExpressionFuzzTest {
  private static final List<String> SEEDS = List.of(
      "result[0] < 0.05", "len(result) > 0 && all(result, {# < 500})", "default(result, 0) < 0.02",
      "isNaN(result) || result <= 0.1", "result.ok && result.successPercent >= 0.90",
      "asInt(result) > 0", "any(result, {# > 5})", "result.a > 0 && result.b && all(result.c, {# < 5})",
      "map(filter(1..10, # % 2 == 0), # * 2)[1] == 8", "now() - duration(\"5m\") < now()",
      "\"ab\" matches \"a.\" ? upper(\"x\") == \"X\" : false", "reduce(1..5, #acc + #) == 15",
      "sortBy([3, 1], #)[0] == 1 and not (1 in [2])", "toJSON(fromJSON(\"[1,{}]\")) != \"\"");
  private static final List<String> TOKENS = List.of("result", "#", "#index", "#acc", "1", "0.5", "-", "+", "*",
      "/", "%", "**", "(", ")", "[", "]", "{", "}", ",", ":", "?", "??", "?.", ".", "..", "==", "!=", "<", ">=",
      "&&", "||", "!", "not", "in", "matches", "contains", "\"s\"", "'x'", "nil", "true", "all", "map", "len",
      "filter", "sum", "reduce", "asInt", "isNaN", "default", "date", "duration", "now", "repeat", "a", "`r`");
  private static final List<@Nullable Object> RESULTS = Arrays.asList(null, 0.5, Double.NaN, 7L, "1", "OK",
      true, List.of(), List.of(1.0, 2.0), Arrays.asList(1L, "x", null, List.of(1.0)),
      Map.of("a", 1.0, "b", true, "c", List.of(1.0, 2.0)));
  private static final String CHARS = "result()[]{}#.,:?!<>=&|+-*/%^\"'`0123456789 abcnil";

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L})
  void randomTokens_onlyOurExceptions(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      int n = 1 + random.nextInt(25);
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        parts.add(pick(random, TOKENS));
      }
      String source = String.join(" ", parts);
      assertThat(run(source, pick(random, RESULTS))).as("seed %d: %s", seed, source).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11L, 12L, 13L})
  void mutatedSeeds_onlyOurExceptions(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      String source = mutate(random, pick(random, SEEDS));
      assertThat(run(source, pick(random, RESULTS))).as("seed %d: %s", seed, source).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21L, 22L})
  void randomCharacters_onlyOurExceptions(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 150; i++) {
      StringBuilder source = new StringBuilder();
      int n = random.nextInt(41);
      for (int k = 0; k < n; k++) {
        source.append(CHARS.charAt(random.nextInt(CHARS.length())));
      }
      assertThat(run(source.toString(), 1.0)).as("seed %d: %s", seed, source).isTrue();
      try {
        TimeExpressions.evaluate(source.toString(), Instant.EPOCH);
      } catch (ExpressionException expected) {
        assertThat(expected.reason()).isNotEmpty();
      }
    }
  }

  private static String mutate(Random random, String s) {
    int p = Math.min(random.nextInt(201), s.length());
    switch (random.nextInt(3)) {
      case 0:
        return s.substring(0, p) + " " + pick(random, TOKENS) + " " + s.substring(p);
      case 1:
        return s.substring(0, p) + s.substring(Math.min(s.length(), p + 3));
      default:
        return s.substring(p) + s.substring(0, p);
    }
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Returns true unless something other than an {@link ExpressionException} escaped (which fails the test). */
  private static boolean run(String source, @Nullable Object result) {
    try {
      ConditionCompiler.standard().compile(source, ResultType.of(result)).evaluate(result, Instant.EPOCH);
    } catch (ExpressionException expected) {
      return !expected.reason().isEmpty();
    }
    ConditionOutcome out = Conditions.evaluate(source, source, result, Instant.EPOCH);
    return out.phase() != null;
  }
}
