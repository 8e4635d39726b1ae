/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionIssue;
import dev.assay.expr.ExpressionSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits expression text into tokens; stops at the first lexical error. */
final class Lexer {
  private static final Set<String> WORD_OPERATORS =
      Set.of("and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "let", "if", "else");
  private static final String[] OPERATORS = {
    "?.", "??", "..", "==", "!=", "<=", ">=", "&&", "||", "**",
    "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":", ".", ",", "|", "#", ";", "="
  };

  private final String src;
  private int pos;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) {
    Lexer l = new Lexer(src);
    l.run();
    return l.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= src.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", pos, pos));
        return;
      }
      char c = src.charAt(pos);
      int start = pos;
      if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1))
          && !prevIsValue())) {
        number();
      } else if (c == '"' || c == '\'') {
        quoted(c, Token.Kind.String);
      } else if (c == 'b' && pos + 1 < src.length() && (src.charAt(pos + 1) == '"' || src.charAt(pos + 1) == '\'')) {
        pos++;
        quoted(src.charAt(pos), Token.Kind.Bytes);
      } else if (c == '`') {
        int close = src.indexOf('`', pos + 1);
        if (close < 0) {
          throw error("literal not terminated", start);
        }
        tokens.add(new Token(Token.Kind.String, src.substring(pos + 1, close), start, close + 1));
        pos = close + 1;
      } else if (isIdentStart(c)) {
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
          pos++;
        }
        String word = src.substring(start, pos);
        Token.Kind kind = WORD_OPERATORS.contains(word) ? Token.Kind.Operator : Token.Kind.Identifier;
        tokens.add(new Token(kind, word, start, pos));
      } else if ("()[]{}".indexOf(c) >= 0) {
        pos++;
        tokens.add(new Token(Token.Kind.Bracket, String.valueOf(c), start, pos));
      } else {
        operator(c, start);
      }
    }
  }

  private boolean prevIsValue() {
    if (tokens.isEmpty()) {
      return false;
    }
    Token t = tokens.get(tokens.size() - 1);
    return t.kind() == Token.Kind.Identifier || t.is(Token.Kind.Bracket, ")") || t.is(Token.Kind.Bracket, "]");
  }

  private void operator(char c, int start) {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        tokens.add(new Token(Token.Kind.Operator, op, start, pos));
        return;
      }
    }
    throw error(String.format("unrecognized character: U+%04X '%c'", (int) c, c), start);
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl + 1;
      } else if (src.startsWith("/*", pos)) {
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
          throw error("unclosed comment", pos);
        }
        pos = close + 2;
      } else {
        return;
      }
    }
  }

  private void number() {
    int start = pos;
    if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      pos += 2;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      tokens.add(new Token(Token.Kind.Number, src.substring(start, pos), start, pos));
      return;
    }
    digits();
    if (pos + 1 < src.length() && src.charAt(pos) == '.' && src.charAt(pos + 1) != '.') {
      pos++;
      digits();
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      digits();
    }
    if (pos < src.length() && isIdentStart(src.charAt(pos))) {
      throw error("bad number syntax: \"" + src.substring(start, pos + 1) + "\"", start);
    }
    tokens.add(new Token(Token.Kind.Number, src.substring(start, pos), start, pos));
  }

  private void digits() {
    while (pos < src.length() && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
  }

  private void quoted(char quote, Token.Kind kind) {
    int start = kind == Token.Kind.Bytes ? pos - 1 : pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw error("literal not terminated", start);
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        break;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= src.length()) {
        throw error("literal not terminated", start);
      }
      char e = src.charAt(pos++);
      switch (e) {
        case 'n': sb.append('\n'); break;
        case 't': sb.append('\t'); break;
        case 'r': sb.append('\r'); break;
        case 'a': sb.append('\u0007'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'v': sb.append('\u000b'); break;
        case '\\': case '"': case '\'': sb.append(e); break;
        case 'x': sb.appendCodePoint(hex(2, start)); break;
        case 'u': sb.appendCodePoint(hex(4, start)); break;
        case 'U': sb.appendCodePoint(hex(8, start)); break;
        default:
          throw error("invalid char escape", pos - 1);
      }
    }
    tokens.add(new Token(kind, sb.toString(), start, pos));
  }

  private int hex(int n, int start) {
    if (pos + n > src.length()) {
      throw error("invalid char escape", pos);
    }
    try {
      int cp = Integer.parseUnsignedInt(src.substring(pos, pos + n), 16);
      pos += n;
      if (!Character.isValidCodePoint(cp)) {
        throw error("escape sequence is invalid Unicode code point", start);
      }
      return cp;
    } catch (NumberFormatException ex) {
      throw error("invalid char escape", pos);
    }
  }

  private ExpressionSyntaxException error(String message, int at) {
    return new ExpressionSyntaxException(ExpressionIssue.at(message, src, at), src);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }
}
