/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.expr.ExpressionSyntaxException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden file {@code expr/parser.baseline}: I: input, then P: the printed tree or E: the syntax error. */
class ParserTest {
  static Stream<Arguments> baseline() throws Exception {
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        ParserTest.class.getResourceAsStream("/expr/parser.baseline"), StandardCharsets.UTF_8))) {
      String input = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("I: ")) {
          input = line.substring(3);
        } else if (line.startsWith("P: ") || line.startsWith("E: ")) {
          out.add(Arguments.of(input, line));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baseline")
  void parse_input_matchesBaseline(String input, String expected) {
    if (expected.startsWith("P: ")) {
      assertThat(print(Parser.parse(input, 100))).isEqualTo(expected.substring(3));
    } else {
      ExpressionSyntaxException e = catchThrowableOfType(ExpressionSyntaxException.class,
          () -> Parser.parse(input, 100));
      assertThat(e.reason() + " @" + e.issue().orElseThrow().column()).isEqualTo(expected.substring(3));
    }
  }

  static String print(Expr e) {
    if (e instanceof Expr.Literal) {
      Object v = ((Expr.Literal) e).value();
      return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    } else if (e instanceof Expr.Ident) {
      return ((Expr.Ident) e).name();
    } else if (e instanceof Expr.Pointer) {
      return "#" + ((Expr.Pointer) e).name();
    } else if (e instanceof Expr.Unary) {
      return "(" + ((Expr.Unary) e).op() + " " + print(((Expr.Unary) e).operand()) + ")";
    } else if (e instanceof Expr.Binary) {
      Expr.Binary b = (Expr.Binary) e;
      return "(" + print(b.left()) + " " + (b.negate() ? "not " : "") + b.op() + " " + print(b.right()) + ")";
    } else if (e instanceof Expr.Ternary) {
      Expr.Ternary t = (Expr.Ternary) e;
      return "(" + print(t.cond()) + " ? " + print(t.then()) + " : " + print(t.otherwise()) + ")";
    } else if (e instanceof Expr.Member) {
      Expr.Member m = (Expr.Member) e;
      return print(m.object()) + (m.nilSafe() ? "?." : ".") + m.name();
    } else if (e instanceof Expr.Index) {
      Expr.Index i = (Expr.Index) e;
      return print(i.object()) + (i.nilSafe() ? "?[" : "[") + print(i.index()) + "]";
    } else if (e instanceof Expr.Slice) {
      Expr.Slice s = (Expr.Slice) e;
      return print(s.object()) + "[" + (s.from() == null ? "" : print(s.from())) + ":"
          + (s.to() == null ? "" : print(s.to())) + "]";
    } else if (e instanceof Expr.Call) {
      Expr.Call c = (Expr.Call) e;
      return c.name() + "(" + c.args().stream().map(ParserTest::print).collect(Collectors.joining(", ")) + ")";
    } else if (e instanceof Expr.Closure) {
      return "{" + print(((Expr.Closure) e).body()) + "}";
    } else if (e instanceof Expr.ArrayLit) {
      return ((Expr.ArrayLit) e).items().stream().map(ParserTest::print).collect(Collectors.joining(", ", "[", "]"));
    }
    Expr.MapLit m = (Expr.MapLit) e;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < m.keys().size(); i++) {
      parts.add(print(m.keys().get(i)) + ": " + print(m.values().get(i)));
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
