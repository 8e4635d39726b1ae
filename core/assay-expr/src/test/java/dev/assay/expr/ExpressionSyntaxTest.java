/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lexer and parser errors: Argo's reason, the position and the caret snippet. */
class ExpressionSyntaxTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "result < )                 | unexpected token Bracket(\")\")   | 1 | 10",
    "result <                   | unexpected token EOF             | 1 | 9",
    "(result < 1                | unexpected token EOF             | 1 | 12",
    "result @ 1                 | unrecognized character: U+0040 '@' | 1 | 8",
    "\"abc                      | literal not terminated           | 1 | 1",
    "result < 1 1               | unexpected token Number(\"1\")    | 1 | 12",
    "result ? 1                 | unexpected token EOF             | 1 | 11",
    "[1, 2                      | unexpected token EOF             | 1 | 6",
    "{a 1}                      | unexpected token Number(\"1\")    | 1 | 4",
    "result.                    | expected name                    | 1 | 8",
    "1abc                       | bad number syntax: \"1a\"          | 1 | 1",
    "# > 1                      | unexpected token Operator(\"#\")  | 1 | 1",
    "'\\q'                      | invalid char escape              | 1 | 3",
    "/* open                    | unclosed comment                 | 1 | 1",
    "now() -- ?                 | unexpected token Operator(\"?\")  | 1 | 10",
    "~result\n  > )~            | unexpected token Bracket(\")\")   | 2 | 5",
  })
  void parse_badSource_throwsWithPosition(String source, String reason, int line, int column) {
    ExpressionSyntaxException e = catchThrowableOfType(ExpressionSyntaxException.class,
        () -> ConditionCompiler.standard().compile(source, ResultType.of(1.0)));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.issue()).hasValueSatisfying(i -> {
      assertThat(i.line()).isEqualTo(line);
      assertThat(i.column()).isEqualTo(column);
    });
    assertThat(e.getMessage()).startsWith(reason + " at " + line + ":" + column + "\n | ").endsWith("^");
  }

  @org.junit.jupiter.api.Test
  void message_caretSnippet_pointsAtColumn() {
    ExpressionSyntaxException e = catchThrowableOfType(ExpressionSyntaxException.class,
        () -> ConditionCompiler.standard().compile("len(result) > )", ResultType.of(1.0)));
    assertThat(e.getMessage()).isEqualTo("unexpected token Bracket(\")\") at 1:15\n | len(result) > )\n |"
        + "               ^");
  }

  @org.junit.jupiter.api.Test
  void comments_areIgnored() {
    assertThat(ConditionCompiler.standard().compile("result /* c */ > 1 // tail", ResultType.of(2.0))
        .evaluate(2.0)).isTrue();
  }

  @org.junit.jupiter.api.Test
  void check_collectsAllIssues_reasonIsFirst() {
    ExpressionCheckException e = catchThrowableOfType(ExpressionCheckException.class,
        () -> ConditionCompiler.standard().compile("a > 1 && b > 2 && result == \"x\"", ResultType.of(1.0)));
    assertThat(e.issues()).extracting(ExpressionIssue::message).containsExactly("unknown name a",
        "unknown name b", "invalid operation: == (mismatched types float64 and string)");
    assertThat(e.reason()).isEqualTo("unknown name a");
    assertThat(e.issues().get(1).column()).isEqualTo(10);
  }
}
