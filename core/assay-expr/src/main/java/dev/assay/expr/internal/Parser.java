/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionIssue;
import dev.assay.expr.ExpressionSyntaxException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Hand-written recursive-descent parser with precedence climbing, following expr-lang's precedence table. */
final class Parser {
  private static final Map<String, Integer> BINARY = Map.ofEntries(
      Map.entry("or", 10), Map.entry("||", 10), Map.entry("and", 15), Map.entry("&&", 15),
      Map.entry("==", 20), Map.entry("!=", 20), Map.entry("<", 20), Map.entry(">", 20), Map.entry("<=", 20),
      Map.entry(">=", 20), Map.entry("in", 20), Map.entry("matches", 20), Map.entry("contains", 20),
      Map.entry("startsWith", 20), Map.entry("endsWith", 20), Map.entry("..", 25), Map.entry("+", 30),
      Map.entry("-", 30), Map.entry("*", 60), Map.entry("/", 60), Map.entry("%", 60), Map.entry("**", 100),
      Map.entry("^", 100), Map.entry("??", 500));
  private static final Map<String, Integer> UNARY = Map.of("not", 50, "!", 50, "-", 90, "+", 90);
  private static final Set<String> CHAINED = Set.of("<", ">", "<=", ">=");
  private static final Set<String> NEGATABLE = Set.of("in", "matches", "contains", "startsWith", "endsWith");
  /** Built-ins whose second argument is a predicate. */
  static final Set<String> PREDICATE_FUNCTIONS = Set.of("all", "none", "any", "one", "filter", "map", "count",
      "sum", "find", "findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce");

  private final String src;
  private final List<Token> tokens;
  private final int maxDepth;
  private final Map<Expr, Integer> depth = new IdentityHashMap<>();
  private int pos;
  private int closureDepth;
  private int recursion;

  private Parser(String src, List<Token> tokens, int maxDepth) {
    this.src = src;
    this.tokens = tokens;
    this.maxDepth = maxDepth;
  }

  /** Parses a whole expression; throws {@link ExpressionSyntaxException} at the first error. */
  static Expr parse(String src, int maxDepth) {
    Parser p = new Parser(src, Lexer.tokenize(src), maxDepth);
    Expr e = p.sequence();
    if (p.cur().kind() != Token.Kind.EOF) {
      throw p.unexpected();
    }
    return e;
  }

  private Token cur() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Token peek(int n) {
    return tokens.get(Math.min(pos + n, tokens.size() - 1));
  }

  private ExpressionSyntaxException unexpected() {
    Token t = cur();
    return error("unexpected token " + t.describe(), t.start());
  }

  private ExpressionSyntaxException error(String message, int at) {
    return new ExpressionSyntaxException(ExpressionIssue.at(message, src, at), src);
  }

  private void expect(Token.Kind kind, String text) {
    if (!cur().is(kind, text)) {
      throw unexpected();
    }
    pos++;
  }

  /** Records the node's depth and enforces the nesting limit. */
  private <T extends Expr> T node(T e, Expr... children) {
    int d = 0;
    for (Expr c : children) {
      if (c != null) {
        d = Math.max(d, depth.getOrDefault(c, 1));
      }
    }
    if (d + 1 > maxDepth) {
      throw error("expression is nested too deeply (limit " + maxDepth + ")", e.at());
    }
    depth.put(e, d + 1);
    return e;
  }

  private Expr expression(int precedence) {
    if (++recursion > maxDepth) {
      throw error("expression is nested too deeply (limit " + maxDepth + ")", cur().start());
    }
    try {
      return climb(precedence);
    } finally {
      recursion--;
    }
  }

  /** Expressions separated by {@code ;}; the value is the last one's. */
  private Expr sequence() {
    Token first = cur();
    List<Expr> items = new ArrayList<>();
    items.add(expression(0));
    while (cur().isOp(";")) {
      pos++;
      if (cur().kind() == Token.Kind.EOF) {
        break;
      }
      items.add(expression(0));
    }
    return items.size() == 1 ? items.get(0)
        : node(new Expr.Sequence(items, first.start()), items.toArray(new Expr[0]));
  }

  private Expr let() {
    pos++;
    Token name = cur();
    if (name.kind() != Token.Kind.Identifier) {
      throw unexpected();
    }
    pos++;
    expect(Token.Kind.Operator, "=");
    Expr value = expression(0);
    expect(Token.Kind.Operator, ";");
    Expr body = sequence();
    return node(new Expr.Let(name.text(), value, body, name.start()), value, body);
  }

  private Expr conditionalIf() {
    Token t = next();
    Expr cond = expression(0);
    expect(Token.Kind.Bracket, "{");
    Expr then = sequence();
    expect(Token.Kind.Bracket, "}");
    expect(Token.Kind.Operator, "else");
    Expr otherwise;
    if (cur().isOp("if")) {
      otherwise = conditionalIf();
    } else {
      expect(Token.Kind.Bracket, "{");
      otherwise = sequence();
      expect(Token.Kind.Bracket, "}");
    }
    return node(new Expr.Ternary(cond, then, otherwise, t.start()), cond, then, otherwise);
  }

  private Expr climb(int precedence) {
    if (precedence == 0 && cur().isOp("let")) {
      return let();
    }
    if (precedence == 0 && cur().isOp("if")) {
      return conditionalIf();
    }
    Expr left = unary();
    String previous = "";
    while (true) {
      Token t = cur();
      if (t.kind() != Token.Kind.Operator) {
        break;
      }
      boolean negate = false;
      String op = t.text();
      if (op.equals("not")) {
        if (!(peek(1).kind() == Token.Kind.Operator && NEGATABLE.contains(peek(1).text()))) {
          pos++;
          throw unexpected();
        }
        negate = true;
        op = peek(1).text();
      }
      Integer prec = op.equals("|") ? Integer.valueOf(0) : BINARY.get(op);
      if (prec == null || prec < precedence) {
        break;
      }
      pos += negate ? 2 : 1;
      if (op.equals("|")) {
        Token name = cur();
        if (name.kind() != Token.Kind.Identifier) {
          throw unexpected();
        }
        pos++;
        left = call(name, left);
        previous = op;
        continue;
      }
      if (previous.equals("??") && !op.equals("??")) {
        throw error("Operator (" + op + ") and coalesce expressions (??) cannot be mixed. Wrap either by "
            + "parentheses.", t.start());
      }
      if (CHAINED.contains(op)) {
        left = comparison(left, t, prec);
        previous = op;
        continue;
      }
      boolean rightAssoc = op.equals("**") || op.equals("^");
      Expr right = expression(rightAssoc ? prec : prec + 1);
      left = node(new Expr.Binary(op, left, right, negate, t.start()), left, right);
      previous = op;
    }
    if (precedence == 0) {
      while (cur().isOp("?")) {
        Token q = next();
        Expr then;
        Expr otherwise;
        if (cur().isOp(":")) {
          pos++;
          then = left;
          otherwise = expression(0);
        } else {
          then = expression(0);
          expect(Token.Kind.Operator, ":");
          otherwise = expression(0);
        }
        left = node(new Expr.Ternary(left, then, otherwise, q.start()), left, then, otherwise);
      }
    }
    return left;
  }

  /** {@code a < b < c} is {@code a < b && b < c}. */
  private Expr comparison(Expr left, Token op, int prec) {
    Expr root = null;
    Token t = op;
    while (true) {
      Expr right = expression(prec + 1);
      Expr cmp = node(new Expr.Binary(t.text(), left, right, false, t.start()), left, right);
      root = root == null ? cmp : node(new Expr.Binary("&&", root, cmp, false, t.start()), root, cmp);
      left = right;
      t = cur();
      if (!(t.kind() == Token.Kind.Operator && CHAINED.contains(t.text()))) {
        return root;
      }
      pos++;
    }
  }

  private Expr unary() {
    Token t = cur();
    if (t.kind() == Token.Kind.Operator && UNARY.containsKey(t.text())) {
      pos++;
      Expr operand = expression(UNARY.get(t.text()));
      return postfix(node(new Expr.Unary(t.text(), operand, t.start()), operand));
    }
    Expr p = primary();
    if (p instanceof Expr.Literal && !(((Expr.Literal) p).value() instanceof String)) {
      return p; // expr takes no member, index or call after a number, true, false or nil
    }
    return postfix(p);
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case Number:
        return node(new Expr.Literal(number(t), t.start()));
      case String:
        return node(new Expr.Literal(t.text(), t.start()));
      case Bytes:
        return node(new Expr.Literal(t.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), t.start()));
      case Identifier:
        return identifier(t);
      case Bracket:
        return bracket(t);
      case Operator:
        if (t.text().equals("#") && closureDepth > 0) {
          if (cur().kind() == Token.Kind.Identifier && cur().start() == t.end()) {
            return node(new Expr.Pointer(next().text(), t.start()));
          }
          return node(new Expr.Pointer("", t.start()));
        }
        if (t.text().equals(".") && closureDepth > 0 && cur().kind() == Token.Kind.Identifier) {
          Expr ptr = node(new Expr.Pointer("", t.start()));
          return node(new Expr.Member(ptr, next().text(), false, t.start()), ptr);
        }
        if (t.text().equals("#")) {
          pos--;
          throw unexpected(); // expr v1.17.8: a pointer outside a predicate does not parse
        }
        break;
      default:
        break;
    }
    pos--;
    throw unexpected();
  }

  private Expr bracket(Token t) {
    switch (t.text()) {
      case "(": {
        Expr inner = sequence();
        expect(Token.Kind.Bracket, ")");
        return inner;
      }
      case "[": {
        List<Expr> items = new ArrayList<>();
        while (!cur().is(Token.Kind.Bracket, "]")) {
          items.add(expression(0));
          if (!cur().isOp(",")) {
            break;
          }
          pos++;
        }
        expect(Token.Kind.Bracket, "]");
        return node(new Expr.ArrayLit(items, t.start()), items.toArray(new Expr[0]));
      }
      case "{":
        return mapLiteral(t);
      default:
        pos--;
        throw unexpected();
    }
  }

  private Expr mapLiteral(Token open) {
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!cur().is(Token.Kind.Bracket, "}")) {
      Token k = cur();
      Expr key;
      if (k.kind() == Token.Kind.Identifier || k.kind() == Token.Kind.String || k.kind() == Token.Kind.Number) {
        pos++;
        key = node(new Expr.Literal(k.text(), k.start()));
      } else if (k.is(Token.Kind.Bracket, "(")) {
        key = primary();
      } else {
        throw unexpected();
      }
      expect(Token.Kind.Operator, ":");
      keys.add(key);
      values.add(expression(0));
      if (!cur().isOp(",")) {
        break;
      }
      pos++;
    }
    expect(Token.Kind.Bracket, "}");
    List<Expr> all = new ArrayList<>(keys);
    all.addAll(values);
    return node(new Expr.MapLit(keys, values, open.start()), all.toArray(new Expr[0]));
  }

  private Expr identifier(Token t) {
    switch (t.text()) {
      case "true":
        return node(new Expr.Literal(Boolean.TRUE, t.start()));
      case "false":
        return node(new Expr.Literal(Boolean.FALSE, t.start()));
      case "nil":
        return node(new Expr.Literal(null, t.start()));
      default:
        break;
    }
    if (!cur().is(Token.Kind.Bracket, "(")) {
      return node(new Expr.Ident(t.text(), t.start()));
    }
    return call(t, null);
  }

  /** A call of the function named by {@code t}; {@code piped} is the left side of a pipe, its first argument. */
  private Expr call(Token t, @Nullable Expr piped) {
    List<Expr> args = new ArrayList<>();
    if (piped != null) {
      args.add(piped);
    }
    if (!cur().is(Token.Kind.Bracket, "(")) {
      throw unexpected();
    }
    pos++;
    boolean predicate = PREDICATE_FUNCTIONS.contains(t.text());
    while (!cur().is(Token.Kind.Bracket, ")")) {
      if (predicate && args.size() == 1) {
        args.add(closure());
      } else {
        args.add(expression(0));
      }
      if (!cur().isOp(",")) {
        break;
      }
      pos++;
    }
    expect(Token.Kind.Bracket, ")");
    return node(new Expr.Call(t.text(), args, t.start()), args.toArray(new Expr[0]));
  }

  private Expr closure() {
    Token t = cur();
    closureDepth++;
    try {
      Expr body;
      if (t.is(Token.Kind.Bracket, "{")) {
        pos++;
        body = expression(0);
        expect(Token.Kind.Bracket, "}");
      } else {
        body = expression(0);
      }
      return node(new Expr.Closure(body, t.start()), body);
    } finally {
      closureDepth--;
    }
  }

  private Expr postfix(Expr e) {
    boolean nilSafe = false;
    while (true) {
      Token t = cur();
      if (t.isOp(".") || t.isOp("?.")) {
        pos++;
        nilSafe |= t.text().equals("?.");
        if (t.text().equals("?.") && cur().is(Token.Kind.Bracket, "[")) {
          pos++;
          Expr index = expression(0);
          expect(Token.Kind.Bracket, "]");
          e = node(new Expr.Index(e, index, true, t.start()), e, index);
          continue;
        }
        Token name = next();
        if (name.kind() != Token.Kind.Identifier && name.kind() != Token.Kind.Operator) {
          pos--;
          throw error("expected name", name.start());
        }
        if (cur().is(Token.Kind.Bracket, "(") && name.kind() == Token.Kind.Identifier) {
          pos++;
          List<Expr> args = new ArrayList<>();
          while (!cur().is(Token.Kind.Bracket, ")")) {
            args.add(expression(0));
            if (!cur().isOp(",")) {
              break;
            }
            pos++;
          }
          expect(Token.Kind.Bracket, ")");
          List<Expr> all = new ArrayList<>(args);
          all.add(e);
          e = node(new Expr.MethodCall(e, name.text(), args, name.start()), all.toArray(new Expr[0]));
          continue;
        }
        e = node(new Expr.Member(e, name.text(), nilSafe, name.start()), e);
      } else if (t.is(Token.Kind.Bracket, "[")) {
        pos++;
        e = indexOrSlice(e, t, nilSafe);
      } else {
        return e;
      }
    }
  }

  private Expr indexOrSlice(Expr e, Token open, boolean nilSafe) {
    Expr from = null;
    if (!cur().isOp(":")) {
      from = expression(0);
      if (!cur().isOp(":")) {
        expect(Token.Kind.Bracket, "]");
        return node(new Expr.Index(e, from, nilSafe, open.start()), e, from);
      }
    }
    pos++;
    Expr to = cur().is(Token.Kind.Bracket, "]") ? null : expression(0);
    expect(Token.Kind.Bracket, "]");
    return node(new Expr.Slice(e, from, to, open.start()), e, from, to);
  }

  private Object number(Token t) {
    String s = t.text().replace("_", "");
    try {
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("0x")) {
        return Long.parseLong(s.substring(2), 16);
      } else if (lower.startsWith("0o")) {
        return Long.parseLong(s.substring(2), 8);
      } else if (lower.startsWith("0b")) {
        return Long.parseLong(s.substring(2), 2);
      }
      if (lower.contains(".") || lower.contains("e")) {
        return Double.parseDouble(s);
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException ex) {
        return Double.parseDouble(s);
      }
    } catch (NumberFormatException ex) {
      throw error("invalid number literal: " + t.text(), t.start());
    }
  }
}
