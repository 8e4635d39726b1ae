/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.expr.ConditionCompiler;
import dev.assay.expr.ExpressionException;
import dev.assay.expr.ResultType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: random conditions built from the language's grammar (nested builtins, big ranges and repeats, closures,
 * JSON round trips) compile and evaluate or throw only {@link ExpressionException}, within the per-case wall-clock
 * and allocation budgets of {@link FuzzHarness}.
 */
class ConditionFuzzSuiteTest {
  private static final List<String> ATOMS = List.of("result", "#", "1", "0", "-1", "0.5", "1e308", "NaN", "\"ab\"",
      "\"\"", "nil", "true", "[1, 2, 3]", "{\"a\": 1}", "9223372036854775807", "-9223372036854775808",
      "1..100000", "9223372036854775806..9223372036854775807", "result.a", "result[0]", "now()");
  private static final List<String> UNARY = List.of("len(%s)", "toJSON(%s)", "fromJSON(%s)", "string(%s)",
      "upper(%s)", "trim(%s)", "sum(%s)", "max(%s)", "abs(%s)", "not %s", "-%s", "(%s)", "asInt(%s)",
      "isNaN(%s)", "default(%s, 0)", "sortBy(%s, #)", "map(%s, {# * 2})", "filter(%s, {# > 1})",
      "all(%s, {# < 5})", "reduce(%s, #acc + #, 0)", "flatten(%s)", "uniq(%s)", "keys(%s)", "first(%s)");
  private static final List<String> BINARY = List.of("%s + %s", "%s * %s", "%s ** %s", "%s / %s", "%s %% %s",
      "%s == %s", "%s < %s", "%s && %s", "%s || %s", "%s ?? %s", "%s in %s", "%s contains %s", "%s matches %s",
      "repeat(%s, %s)", "%s..%s", "%s[%s]", "%s ? %s : %s");
  private static final List<Object> RESULTS = Arrays.asList(null, 0.5, Double.NaN, 7L, "1", true, List.of(),
      List.of(1.0, 2.0), Map.of("a", 1.0, "b", List.of(1.0, 2.0)));

  @Test
  void randomConditions_onlyExpressionException_withinBudgets() throws Exception {
    FuzzHarness harness = new FuzzHarness("conditions", ExpressionException.class);
    harness.warmUp(() -> ConditionCompiler.standard().compile("len(map(1..10, {# * 2})) == 10 && result < 1",
        ResultType.of(0.5)).evaluate(0.5, Instant.EPOCH));

    List<String> failures = harness.run(ConditionFuzzSuiteTest::generate, source -> () -> {
      Object result = RESULTS.get(Math.floorMod(source.hashCode(), RESULTS.size()));
      ConditionCompiler.standard().compile(source, ResultType.of(result)).evaluate(result,
          Instant.parse("2026-01-01T00:00:00Z"));
    });

    assertThat(failures).isEmpty();
    assertThat(harness.cases()).isPositive();
  }

  static String generate(Random random) {
    return expression(random, 4);
  }

  static String expression(Random random, int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return ATOMS.get(random.nextInt(ATOMS.size()));
    }
    if (random.nextBoolean()) {
      return String.format(UNARY.get(random.nextInt(UNARY.size())), expression(random, depth - 1));
    }
    String form = BINARY.get(random.nextInt(BINARY.size()));
    int holes = form.split("%s", -1).length - 1;
    Object[] parts = new Object[holes];
    for (int i = 0; i < holes; i++) {
      parts[i] = expression(random, depth - 1);
    }
    return String.format(form, parts);
  }
}
