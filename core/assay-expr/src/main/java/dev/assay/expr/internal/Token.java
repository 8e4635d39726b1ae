/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

/**
 * One lexical token with its source offsets.
 *
 * @param kind what it is; the names are expr-lang's, because they appear in Argo's syntax messages
 * @param text the token text (for strings: the decoded value; for numbers: the digits)
 * @param start offset of the first character
 * @param end offset after the last character
 */
public record Token(Kind kind, String text, int start, int end) {
  /** Token kinds, named as expr-lang names them. */
  public enum Kind { Identifier, Number, String, Bytes, Operator, Bracket, EOF }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOp(String t) {
    return kind == Kind.Operator && text.equals(t);
  }

  /** expr-lang's rendering, for example {@code Operator(")")}. */
  String describe() {
    if (kind == Kind.EOF) {
      return "EOF";
    }
    return kind + "(\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\")";
  }
}
