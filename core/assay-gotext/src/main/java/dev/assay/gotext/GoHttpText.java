/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.gotext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Text as Go's {@code net/http} and {@code net/url} write it, which Argo's provider messages and requests carry:
 * {@code url.Error} texts, query escaping, status lines and header-name rules. Stateless and thread-safe.
 */
public final class GoHttpText {
  private static final Pattern URL_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@]*?:)[^/?#@]*@");
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private GoHttpText() {}

  /**
   * A URL with its password replaced by {@code ***}, as Go's {@code url.URL.Redacted} shows it in errors.
   *
   * @param url any URL text
   * @return the text with the password, if any, replaced
   */
  public static String redactUrlPassword(String url) {
    return URL_PASSWORD.matcher(url).replaceFirst("$1***@");
  }

  /**
   * The operation word of Go's {@code url.Error}: {@code Get}, {@code Post}, {@code Put}.
   *
   * @param method an HTTP method; empty means GET
   * @return {@code Get}, {@code Post}, ...
   */
  public static String urlErrorOp(String method) {
    if (method.isEmpty()) {
      return "Get";
    }
    return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Go's {@code url.Error} text: {@code Get "http://host/x": cause}.
   *
   * @param method the HTTP method
   * @param url the URL (its password is redacted)
   * @param cause the cause text
   * @return the text
   */
  public static String urlError(String method, String url, String cause) {
    return urlErrorOp(method) + " " + GoQuote.quote(redactUrlPassword(url)) + ": " + cause;
  }

  /**
   * Whether a string is an HTTP token (RFC 7230 tchar), as method and header names must be.
   *
   * @param s the text
   * @return whether it is a non-empty token
   */
  public static boolean isToken(String s) {
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

  /**
   * Whether a header value has no control characters other than horizontal tab (Go's rule).
   *
   * @param value the header value
   * @return whether Go would send it
   */
  public static boolean isValidHeaderValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * Go's {@code textproto.CanonicalMIMEHeaderKey}: {@code content-type} becomes {@code Content-Type}.
   *
   * @param key a header name
   * @return the canonical form; the name unchanged when it is not a token
   */
  public static String canonicalHeaderKey(String key) {
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

  /**
   * Go's {@code url.QueryEscape}: unreserved characters kept, space as {@code +}, the rest percent-encoded.
   *
   * @param s any text
   * @return the escaped text
   */
  public static String queryEscape(String s) {
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

  /**
   * Go's {@code url.ParseQuery(...).Get}: the first value of each key of a form-encoded text.
   *
   * @param text the form-encoded text
   * @return the first value of each key, by key
   */
  public static Map<String, String> parseQuery(String text) {
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

  /**
   * Go's {@code Response.Status}: the code and reason phrase, such as {@code 401 Unauthorized}.
   *
   * @param code the status code
   * @param reason the reason phrase the server sent, possibly empty
   * @return the status line
   */
  public static String statusLine(int code, String reason) {
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
