/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.spi;

import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Header;
import dev.assay.model.Metric;
import dev.assay.model.OAuth2Config;
import dev.assay.model.ProviderSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hides secrets in text: every {@linkplain Secret#renderings() rendering} of each secret becomes
 * {@value Secret#REDACTED}. A redaction for a metric also knows the secrets the metric holds by its shape, whether or
 * not they came from secret arguments: basic-auth passwords and OAuth2 client secrets (and their base64
 * {@code user:password} forms), and the values of headers whose names suggest credentials.
 *
 * <p>Thread-safe: secrets learnt during a call (an OAuth2 access token) can be {@linkplain #add added} at any time.
 */
public final class Redaction {
  private static final List<String> SENSITIVE_HEADER_WORDS =
      List.of("auth", "token", "key", "secret", "cookie", "password", "credential", "session", "signature");

  /**
   * Any run of this many characters of a rendering is hidden too, so a secret cut short (a truncated error body, a
   * URL parser quoting part of a password) is still hidden.
   */
  public static final int PARTIAL_CHARS = 8;

  private final List<String> renderings = new CopyOnWriteArrayList<>();
  private volatile Set<String> partials = Set.of();

  private Redaction() {}

  /**
   * A redaction of some secrets.
   *
   * @param secrets the secrets
   * @return the redaction
   */
  public static Redaction of(List<Secret> secrets) {
    Redaction r = new Redaction();
    List<String> renderings = new ArrayList<>();
    secrets.forEach(s -> renderings.addAll(s.renderings()));
    r.addRenderings(renderings); // all at once: one sort and one pass over the partials, not one per secret
    return r;
  }

  /**
   * A redaction of secret arguments and of the secrets a resolved metric holds by its shape.
   *
   * @param secrets the secret arguments
   * @param metric the resolved metric
   * @return the redaction
   */
  public static Redaction of(List<Secret> secrets, Metric metric) {
    Redaction r = of(secrets);
    ProviderSpec p = metric.provider();
    if (p.prometheus() != null) {
      r.addAuthentication(p.prometheus().authentication());
      r.addHeaders(p.prometheus().headers());
    }
    if (p.web() != null) {
      r.addAuthentication(p.web().authentication());
      r.addHeaders(p.web().headers());
    }
    return r;
  }

  /**
   * Adds a secret.
   *
   * @param secret the secret; an empty one adds nothing
   */
  public void add(Secret secret) {
    addRenderings(secret.renderings());
  }

  private void addRenderings(Collection<String> more) {
    if (more.isEmpty()) {
      return;
    }
    List<String> all = new ArrayList<>(renderings);
    Set<String> added = new LinkedHashSet<>(all);
    added.addAll(more);
    List<String> sorted = new ArrayList<>(added);
    // Longer renderings first, so a secret containing another is hidden whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    Set<String> grams = new HashSet<>();
    for (String r : sorted) {
      for (int i = 0; i + PARTIAL_CHARS <= r.length(); i++) {
        grams.add(r.substring(i, i + PARTIAL_CHARS));
      }
    }
    synchronized (renderings) {
      renderings.clear();
      renderings.addAll(sorted);
      partials = Set.copyOf(grams);
    }
  }

  /**
   * Adds a header's value, and the credential part of a {@code Scheme credential} value, when the header's name
   * suggests a credential ({@code Authorization}, {@code X-Api-Key}, {@code Cookie}, ...).
   *
   * @param name the header name
   * @param value the header value
   */
  public void addHeader(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : SENSITIVE_HEADER_WORDS) {
      if (lower.contains(word)) {
        String v = value.trim();
        add(Secret.of(v));
        int space = v.indexOf(' ');
        if (space > 0) {
          add(Secret.of(v.substring(space + 1).trim()));
        }
        return;
      }
    }
  }

  /**
   * Hides every known secret in a text.
   *
   * @param text the text
   * @return the text with every rendering of every secret, and every run of {@value #PARTIAL_CHARS} or more
   *     characters of one, replaced by {@value Secret#REDACTED}
   */
  public String redact(String text) {
    String out = text;
    for (String rendering : renderings) {
      if (out.contains(rendering)) {
        out = out.replace(rendering, Secret.REDACTED);
      }
    }
    return redactPartials(out);
  }

  private String redactPartials(String text) {
    Set<String> grams = partials;
    if (grams.isEmpty() || text.length() < PARTIAL_CHARS) {
      return text;
    }
    boolean[] hidden = null;
    for (int i = 0; i + PARTIAL_CHARS <= text.length(); i++) {
      if (grams.contains(text.substring(i, i + PARTIAL_CHARS))) {
        if (hidden == null) {
          hidden = new boolean[text.length()];
        }
        java.util.Arrays.fill(hidden, i, i + PARTIAL_CHARS, true);
      }
    }
    if (hidden == null) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!hidden[i]) {
        b.append(text.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        b.append(Secret.REDACTED);
      }
    }
    return b.toString();
  }

  private void addHeaders(List<Header> headers) {
    headers.forEach(h -> addHeader(h.key(), h.value()));
  }

  private void addAuthentication(Authentication auth) {
    if (auth == null) {
      return;
    }
    BasicAuth basic = auth.basicAuth();
    if (basic != null && !basic.password().isEmpty()) {
      add(Secret.of(basic.password()));
      addBasic(basic.username(), basic.password());
    }
    OAuth2Config oauth2 = auth.oauth2();
    if (oauth2 != null && !oauth2.clientSecret().isEmpty()) {
      add(Secret.of(oauth2.clientSecret()));
      addBasic(oauth2.clientId(), oauth2.clientSecret());
      addBasic(Secret.percentEncoded(oauth2.clientId(), "-._*", true),
          Secret.percentEncoded(oauth2.clientSecret(), "-._*", true));
    }
  }

  private void addBasic(String user, String password) {
    String plain = user + ":" + password;
    add(Secret.of(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))));
    // Some clients encode credentials as ISO-8859-1 (OkHttp's default).
    add(Secret.of(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.ISO_8859_1))));
  }

  /** Says how many renderings it hides, never which. */
  @Override
  public String toString() {
    return "Redaction[" + renderings.size() + " renderings]";
  }
}
