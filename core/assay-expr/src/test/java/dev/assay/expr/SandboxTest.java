/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every limit fails with a clear {@link ExpressionException}, never an OutOfMemoryError or StackOverflowError. */
class SandboxTest {
  static List<String[]> cases() {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"result > " + "1".repeat(10_001), "exceeds the limit of 10000"});
    out.add(new String[] {"(".repeat(500) + "1" + ")".repeat(500) + " > 0", "nested too deeply (limit 100)"});
    out.add(new String[] {"!".repeat(300) + "true", "nested too deeply (limit 100)"});
    out.add(new String[] {"1" + " + 1".repeat(300) + " > 0", "nested too deeply (limit 100)"});
    out.add(new String[] {"result" + ".a".repeat(300) + " == nil", "nested too deeply (limit 100)"});
    out.add(new String[] {"len(1..1000000000) > 0", "collection of 1000000000 elements exceeds the limit"});
    out.add(new String[] {"len(1..9223372036854775807) > 0", "exceeds the limit of 100000"});
    out.add(new String[] {"len(repeat(\"xy\", 100000000)) > 0", "string of 200000000 characters exceeds"});
    out.add(new String[] {"all(1..99999, {all(1..99999, {true})})", "exceeded the limit of 10000000 steps"});
    out.add(new String[] {"len(concat(1..90000, 1..90000)) > 0", "collection of 180000 elements exceeds"});
    out.add(new String[] {"len(map(1..100000, {repeat(\"x\", 1000000)})) > 0", "exceeded the limit of 10000000 steps"});
    out.add(new String[] {"len(map(1..100000, {string(#) + repeat(\"y\", 999990)})) > 0",
      "exceeded the limit of 10000000 steps"});
    return out;
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void compileAndEvaluate_overLimit_throwsExpressionException(String source, String message) {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> ConditionCompiler.standard().compile(source, ResultType.of(Double.valueOf(1))).evaluate(1.0));
    assertThat(e).isNotNull();
    assertThat(e.reason()).contains(message);
  }

  @org.junit.jupiter.api.Test
  void matches_backtrackingRegex_runsInLinearTime() {
    // RE2 semantics (re2j): no backtracking, so the classic blow-up pattern answers at once.
    assertThat(ConditionCompiler.standard().compile("result matches \"(.*a){12}\"", ResultType.of(""))
        .evaluate("aaaaaaaaaaaaaaaaaaaaaaab")).isTrue();
  }
}
