/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

/**
 * Unquotes a single- or double-quoted template string with Go's escape rules ({@code strconv.UnquoteChar}): the
 * letter escapes, <code>&#92;xhh</code>, <code>&#92;uhhhh</code>, <code>&#92;Uhhhhhhhh</code>, three-digit octal, and only the enclosing quote
 * may be escaped.
 */
final class GoUnquote {
  private GoUnquote() {}

  static String unquote(String quoted) {
    char quote = quoted.charAt(0);
    String body = quoted.substring(1, quoted.length() - 1);
    if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == quote) {
        throw invalid(quoted);
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= body.length()) {
        throw invalid(quoted);
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a':
          out.append('\u0007');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'v':
          out.append('\u000b');
          break;
        case '\\':
          out.append('\\');
          break;
        case '\'':
        case '"':
          if (e != quote) {
            throw invalid(quoted);
          }
          out.append(e);
          break;
        case 'x':
        case 'u':
        case 'U':
          int digits = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
          long value = hex(body, i, digits, quoted);
          i += digits;
          if (e == 'x') {
            // \x gives one raw byte in Go; bytes past ASCII are not valid UTF-8 on their own.
            out.append(value < 0x80 ? (char) value : '\ufffd');
          } else if (value > Character.MAX_CODE_POINT || (value >= 0xd800 && value < 0xe000)) {
            throw invalid(quoted);
          } else {
            out.appendCodePoint((int) value);
          }
          break;
        default:
          if (e < '0' || e > '7' || i + 2 > body.length()) {
            throw invalid(quoted);
          }
          int octal = e - '0';
          for (int k = 0; k < 2; k++) {
            char d = body.charAt(i++);
            if (d < '0' || d > '7') {
              throw invalid(quoted);
            }
            octal = octal * 8 + (d - '0');
          }
          if (octal > 255) {
            throw invalid(quoted);
          }
          out.append(octal < 0x80 ? (char) octal : '\ufffd');
      }
    }
    return out.toString();
  }

  private static long hex(String body, int from, int digits, String quoted) {
    if (from + digits > body.length()) {
      throw invalid(quoted);
    }
    long value = 0;
    for (int k = 0; k < digits; k++) {
      int d = Character.digit(body.charAt(from + k), 16);
      if (d < 0) {
        throw invalid(quoted);
      }
      value = value * 16 + d;
    }
    return value;
  }

  private static JsonPathException invalid(String quoted) {
    return new JsonPathException("unquote string " + quoted + " error invalid syntax");
  }
}
