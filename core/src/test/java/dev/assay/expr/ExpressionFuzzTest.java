/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.jspecify.annotations.Nullable;

/** Random and mutated expressions: compilation and evaluation either succeed or throw our own exception. */
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

  @Provide
  Arbitrary<String> randomTokens() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(25).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mutatedSeeds() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 200);
    Arbitrary<String> insert = Arbitraries.of(TOKENS).map(t -> " " + t + " ");
    Arbitrary<Integer> op = Arbitraries.integers().between(0, 2);
    return Combinators.combine(seed, at, insert, op).as((s, i, t, o) -> {
      int p = Math.min(i, s.length());
      switch (o) {
        case 0: return s.substring(0, p) + t + s.substring(p);
        case 1: return s.substring(0, p) + s.substring(Math.min(s.length(), p + 3));
        default: return s.substring(p) + s.substring(0, p);
      }
    });
  }

  @Provide
  Arbitrary<@Nullable Object> results() {
    return Arbitraries.of(RESULTS);
  }

  @Property(tries = 1500)
  void randomTokens_onlyOurExceptions(@ForAll("randomTokens") String source,
      @ForAll("results") @Nullable Object result) {
    assertThat(run(source, result)).isTrue();
  }

  @Property(tries = 1500)
  void mutatedSeeds_onlyOurExceptions(@ForAll("mutatedSeeds") String source,
      @ForAll("results") @Nullable Object result) {
    assertThat(run(source, result)).isTrue();
  }

  @Property(tries = 300)
  void randomCharacters_onlyOurExceptions(@ForAll("chars") String source) {
    assertThat(run(source, 1.0)).isTrue();
    try {
      TimeExpressions.evaluate(source, Instant.EPOCH);
    } catch (ExpressionException expected) {
      assertThat(expected.reason()).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<String> chars() {
    return Arbitraries.strings().withChars("result()[]{}#.,:?!<>=&|+-*/%^\"'`0123456789 abcnil").ofMaxLength(40);
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
