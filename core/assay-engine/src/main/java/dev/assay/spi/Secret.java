/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import dev.assay.gotext.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A secret value: a secret argument, a password or a client secret. It prints as {@value #REDACTED} everywhere
 * ({@link #toString()}), and only {@link #reveal()} gives the text, at the moment it is sent. {@link #renderings()}
 * lists every form the value can take in a message (escaped, percent-encoded, base64) so a {@link Redaction} can
 * hide each of them (docs/security.md, "Redaction").
 *
 * <p>Immutable and thread-safe.
 */
public final class Secret {
  /** The text that replaces a secret in every rendering. */
  public static final String REDACTED = "*****";

  /** Characters that no percent-encoder escapes (RFC 3986 unreserved). */
  private static final String UNRESERVED = "-._~";
  /** Characters left alone by {@code java.net.URLEncoder} and HTML forms, besides the unreserved ones. */
  private static final String FORM_SAFE = "-._*";
  /** Characters OkHttp leaves alone in a query parameter value, besides letters and digits. */
  private static final String OKHTTP_QUERY_SAFE = "-._~!$'()*,;:@/?";
  /** Characters left alone in a URL path or a userinfo part by OkHttp and Go, besides letters and digits. */
  private static final String PATH_SAFE = "-._~!$&'()*+,;=:@";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret text.
   *
   * @param value the text; not null, may be empty (an empty secret hides nothing)
   * @return the secret
   */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value"));
  }

  /**
   * The secret text, for the one place that sends it. Never log, print or store what this returns.
   *
   * @return the text
   */
  public String reveal() {
    return value;
  }

  /**
   * Whether the secret is the empty text (which nothing can leak).
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /**
   * Every form this secret can take in text, longest first: raw, JSON- and Go-escaped, {@code \\u}-escaped,
   * percent-encoded as URLs and forms encode it (upper- and lower-case hex, {@code +} or {@code %20} for a space),
   * and base64 (standard and URL alphabets, with and without padding).
   *
   * @return the renderings, empty for an empty secret
   */
  public List<String> renderings() {
    if (value.isEmpty()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(value);
    out.add(GoQuote.escape(value));
    out.add(asciiEscaped(value));
    for (String safe : List.of(UNRESERVED, FORM_SAFE, OKHTTP_QUERY_SAFE, PATH_SAFE)) {
      for (boolean plusForSpace : new boolean[] {true, false}) {
        String encoded = percentEncoded(value, safe, plusForSpace);
        out.add(encoded);
        out.add(lowerHex(encoded));
      }
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.add(Base64.getEncoder().encodeToString(bytes));
    out.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    out.add(Base64.getUrlEncoder().encodeToString(bytes));
    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    List<String> sorted = new ArrayList<>(out);
    sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return List.copyOf(sorted);
  }

  static String percentEncoded(String text, String safe, boolean plusForSpace) {
    StringBuilder b = new StringBuilder();
    for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || safe.indexOf(c) >= 0) {
        b.append((char) c);
      } else if (c == ' ' && plusForSpace) {
        b.append('+');
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }

  private static String lowerHex(String encoded) {
    StringBuilder b = new StringBuilder(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        b.append('%').append(Character.toLowerCase(encoded.charAt(i + 1)))
            .append(Character.toLowerCase(encoded.charAt(i + 2)));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String asciiEscaped(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Equal when the texts are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret && ((Secret) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Always {@value #REDACTED}. */
  @Override
  public String toString() {
    return REDACTED;
  }
}
