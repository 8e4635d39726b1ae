/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

import dev.assay.expr.ExpressionEvaluationException;
import dev.assay.expr.ExpressionLimits;
import dev.assay.gotext.GoText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code toJSON} (Go's {@code json.MarshalIndent(v, "", "  ")}) and {@code fromJSON}, with depth limits. */
final class Json {
  private static final int MAX_DEPTH = 500;
  private final String src;
  private int pos;

  private Json(String src) {
    this.src = src;
  }

  /** Go's indented JSON; the text is checked against the string limit as it grows, not after. */
  static String write(@Nullable Object v, ExpressionLimits limits) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, 0, limits);
    limits.checkString(sb.length());
    return sb.toString();
  }

  private static void write(StringBuilder sb, @Nullable Object v, int depth, ExpressionLimits limits) {
    if (sb.length() > limits.maxStringLength()) {
      limits.checkString(sb.length());
    }
    if (depth > MAX_DEPTH) {
      throw new ExpressionEvaluationException("json: value is nested too deeply");
    }
    String pad = "  ".repeat(depth + 1);
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean || Values.isInt(v)) {
      sb.append(v);
    } else if (Values.isFloat(v)) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ExpressionEvaluationException("json: unsupported value: " + GoText.formatV(d));
      }
      sb.append(GoText.formatJsonNumber(d));
    } else if (v instanceof List) {
      List<?> l = (List<?>) v;
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        sb.append(pad);
        write(sb, l.get(i), depth + 1, limits);
        sb.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      sb.append("  ".repeat(depth)).append(']');
    } else if (v instanceof Map) {
      Map<String, Object> m = Values.sortedEntries((Map<?, ?>) v);
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<String, Object> e : m.entrySet()) {
        sb.append(pad);
        GoText.appendJsonString(sb, e.getKey());
        sb.append(": ");
        write(sb, e.getValue(), depth + 1, limits);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      sb.append("  ".repeat(depth)).append('}');
    } else if (v instanceof Duration) {
      sb.append(((Duration) v).toNanos());
    } else if (v instanceof Instant) {
      GoText.appendJsonString(sb, v.toString());
    } else {
      GoText.appendJsonString(sb, v.toString());
    }
  }

  static @Nullable Object parse(String s) {
    Json j = new Json(s);
    Object v = j.value(0);
    j.space();
    if (j.pos != s.length()) {
      throw j.error("invalid character " + quoteChar(s.charAt(j.pos)) + " after top-level value");
    }
    return v;
  }

  private ExpressionEvaluationException error(String m) {
    return new ExpressionEvaluationException(m);
  }

  private void space() {
    while (pos < src.length() && " \t\r\n".indexOf(src.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private @Nullable Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("json: exceeded max depth");
    }
    space();
    if (pos >= src.length()) {
      throw error("unexpected end of JSON input");
    }
    char c = src.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      space();
      if (pos < src.length() && src.charAt(pos) == '}') {
        pos++;
        return m;
      }
      while (true) {
        space();
        if (pos >= src.length()) {
          throw error("unexpected end of JSON input");
        }
        if (src.charAt(pos) != '"') {
          throw error("invalid character " + quoteChar(src.charAt(pos)) + " looking for beginning of object key string");
        }
        String key = str();
        space();
        expect(':', "after object key");
        m.put(key, value(depth + 1));
        space();
        if (pos < src.length() && src.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect('}', "after object key:value pair");
        return m;
      }
    } else if (c == '[') {
      pos++;
      List<Object> l = new ArrayList<>();
      space();
      if (pos < src.length() && src.charAt(pos) == ']') {
        pos++;
        return l;
      }
      while (true) {
        l.add(value(depth + 1));
        space();
        if (pos < src.length() && src.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect(']', "after array element");
        return l;
      }
    } else if (c == '"') {
      return str();
    } else if (c == 't' || c == 'f' || c == 'n') {
      String lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
      for (int k = 1; k < lit.length(); k++) {
        if (pos + k >= src.length()) {
          throw error("unexpected end of JSON input");
        }
        if (src.charAt(pos + k) != lit.charAt(k)) {
          throw error("invalid character " + quoteChar(src.charAt(pos + k)) + " in literal " + lit + " (expecting "
              + quoteChar(lit.charAt(k)) + ")");
        }
      }
      pos += lit.length();
      return c == 'n' ? null : (Object) Boolean.valueOf(c == 't');
    } else if (c != '-' && (c < '0' || c > '9')) {
      throw error("invalid character " + quoteChar(c) + " looking for beginning of value");
    }
    int start = pos;
    while (pos < src.length() && "+-0123456789.eE".indexOf(src.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      return Double.parseDouble(src.substring(start, pos));
    } catch (NumberFormatException ex) {
      throw error("invalid character " + quoteChar(c) + " looking for beginning of value");
    }
  }

  private void expect(char c, String context) {
    if (pos >= src.length()) {
      throw error("unexpected end of JSON input");
    }
    if (src.charAt(pos) != c) {
      throw error("invalid character " + quoteChar(src.charAt(pos)) + " " + context);
    }
    pos++;
  }

  /** Go's {@code encoding/json} rendering of a character in its messages. */
  private static String quoteChar(char c) {
    if (c == '\'') {
      return "'\\''";
    } else if (c == '"') {
      return "'\"'";
    }
    String q = dev.assay.gotext.GoQuote.quote(String.valueOf(c));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }

  private String str() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= src.length()) {
        break;
      }
      char e = src.charAt(pos++);
      switch (e) {
        case 'n': sb.append('\n'); break;
        case 't': sb.append('\t'); break;
        case 'r': sb.append('\r'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'u':
          if (pos + 4 > src.length()) {
            throw error("invalid escape in JSON string");
          }
          try {
            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("invalid escape in JSON string");
          }
          pos += 4;
          break;
        default: sb.append(e);
      }
    }
    throw error("unexpected end of JSON input");
  }
}
