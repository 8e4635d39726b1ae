/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Small pieces of Go's text conventions that Argo's messages and requests carry. */
final class GoText {
  private static final Pattern URL_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@]*?:)[^/?#@]*@");
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private GoText() {}

  /** {@code %q}: a double-quoted string with Go escapes for quotes, backslashes and control characters. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A URL with its password replaced by {@code ***}, as Go's {@code url.URL.Redacted} shows it in errors. */
  static String redactUrlPassword(String url) {
    return URL_PASSWORD.matcher(url).replaceFirst("$1***@");
  }

  /** The operation word of Go's {@code url.Error}: {@code Get}, {@code Post}, {@code Put}. */
  static String urlErrorOp(String method) {
    if (method.isEmpty()) {
      return "Get";
    }
    return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
  }

  /** Go's {@code url.Error} text: {@code Get "http://host/x": cause}. */
  static String urlError(String method, String url, String cause) {
    return urlErrorOp(method) + " " + quote(redactUrlPassword(url)) + ": " + cause;
  }

  /** Whether a string is an HTTP token (RFC 7230 tchar), as method and header names must be. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether a header value has no control characters other than horizontal tab (Go's rule). */
  static boolean isValidHeaderValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code content-type} becomes {@code Content-Type}. */
  static String canonicalHeaderKey(String key) {
    if (!isToken(key)) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length());
    boolean upper = true;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (upper && c >= 'a' && c <= 'z') {
        c = (char) (c - 'a' + 'A');
      } else if (!upper && c >= 'A' && c <= 'Z') {
        c = (char) (c - 'A' + 'a');
      }
      out.append(c);
      upper = c == '-';
    }
    return out.toString();
  }

  /** Go's {@code url.QueryEscape}: unreserved characters kept, space as {@code +}, the rest percent-encoded. */
  static String queryEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /** Go's {@code url.ParseQuery(...).Get}: the first value of each key of a form-encoded text. */
  static Map<String, String> parseQuery(String text) {
    Map<String, String> out = new TreeMap<>();
    for (String pair : text.split("[&]")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // Go skips a pair it cannot unescape.
      }
    }
    return out;
  }

  /** Go's {@code Response.Status}: the code and reason phrase, such as {@code 401 Unauthorized}. */
  static String statusLine(int code, String reason) {
    if (!reason.isEmpty()) {
      return code + " " + reason;
    }
    String known = REASONS.get(code);
    return known == null ? Integer.toString(code) : code + " " + known;
  }

  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
      Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
}
