/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.gotext;

/** Go's {@code strconv.Quote} escaping, used where Argo's messages and substitutions quote text. Stateless. */
public final class GoQuote {
  private GoQuote() {}

  /**
   * The text in double quotes, escaped as {@code strconv.Quote} does (Go's {@code %q}).
   *
   * @param text any text
   * @return the quoted text
   */
  public static String quote(String text) {
    return '"' + escape(text) + '"';
  }

  /**
   * The text escaped as {@code strconv.Quote} does, without the surrounding quotes.
   *
   * @param text any text
   * @return the escaped text
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(cp -> appendEscaped(out, cp));
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, int cp) {
    switch (cp) {
      case '"':
        out.append("\\\"");
        return;
      case '\\':
        out.append("\\\\");
        return;
      case 7:
        out.append("\\a");
        return;
      case '\b':
        out.append("\\b");
        return;
      case '\f':
        out.append("\\f");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case '\t':
        out.append("\\t");
        return;
      case 11:
        out.append("\\v");
        return;
      default:
        break;
    }
    if (isPrint(cp)) {
      out.appendCodePoint(cp);
    } else if (cp < ' ' || cp == 0x7f) {
      out.append(String.format("\\x%02x", cp));
    } else if (cp < 0x10000) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\U%08x", cp));
    }
  }

  /** Close to Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  private static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UNASSIGNED:
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
