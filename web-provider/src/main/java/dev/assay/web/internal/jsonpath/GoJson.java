/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.spi.GoText;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a value as Go's {@code json.Marshal} does, which is how Argo fills a Web measurement's {@code value}: compact,
 * object keys sorted by their UTF-8 bytes, HTML characters escaped ({@code <} as <code>&#92;u003c</code>), floats as
 * {@link GoText#formatJsonNumber(double)}.
 */
public final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /**
   * Encodes a value.
   *
   * @param value the value; a missing node encodes as {@code null}
   * @return the JSON text
   */
  public static String marshal(JsonNode value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, JsonNode value) {
    if (value.isObject()) {
      List<String> keys = new ArrayList<>(value.size());
      value.fieldNames().forEachRemaining(keys::add);
      keys.sort(Values::compareGoStrings);
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendString(out, keys.get(i));
        out.append(':');
        append(out, value.get(keys.get(i)));
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, value.get(i));
      }
      out.append(']');
    } else if (value.isTextual()) {
      appendString(out, value.textValue());
    } else if (value.isBoolean()) {
      out.append(value.booleanValue());
    } else if (value.isDouble()) {
      out.append(GoText.formatJsonNumber(value.doubleValue()));
    } else if (value.isIntegralNumber()) {
      out.append(value.longValue());
    } else {
      out.append("null");
    }
  }

  /**
   * Appends a quoted JSON string with Go's escapes.
   *
   * @param out where to write
   * @param text the string
   */
  static void appendString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '<':
        case '>':
        case '&':
        case '\u2028':
        case '\u2029':
          appendUnicodeEscape(out, c);
          break;
        default:
          if (c < 0x20) {
            appendUnicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // Go strings hold UTF-8; a lone surrogate is invalid there and encodes as the replacement character.
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
