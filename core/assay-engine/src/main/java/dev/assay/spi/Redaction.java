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
import java.util.Comparator;
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

  private final List<String> renderings = new CopyOnWriteArrayList<>();

  private Redaction() {}

  /**
   * A redaction of some secrets.
   *
   * @param secrets the secrets
   * @return the redaction
   */
  public static Redaction of(List<Secret> secrets) {
    Redaction r = new Redaction();
    secrets.forEach(r::add);
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
    List<String> all = new ArrayList<>(renderings);
    Set<String> added = new LinkedHashSet<>(all);
    added.addAll(secret.renderings());
    List<String> sorted = new ArrayList<>(added);
    // Longer renderings first, so a secret containing another is hidden whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    synchronized (renderings) {
      renderings.clear();
      renderings.addAll(sorted);
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
   * @return the text with every rendering of every secret replaced by {@value Secret#REDACTED}
   */
  public String redact(String text) {
    String out = text;
    for (String rendering : renderings) {
      if (out.contains(rendering)) {
        out = out.replace(rendering, Secret.REDACTED);
      }
    }
    return out;
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
      add(Secret.of(base64(basic.username() + ":" + basic.password())));
    }
    OAuth2Config oauth2 = auth.oauth2();
    if (oauth2 != null && !oauth2.clientSecret().isEmpty()) {
      add(Secret.of(oauth2.clientSecret()));
      add(Secret.of(base64(oauth2.clientId() + ":" + oauth2.clientSecret())));
      add(Secret.of(base64(Secret.percentEncoded(oauth2.clientId(), "-._*", true) + ":"
          + Secret.percentEncoded(oauth2.clientSecret(), "-._*", true))));
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Says how many renderings it hides, never which. */
  @Override
  public String toString() {
    return "Redaction[" + renderings.size() + " renderings]";
  }
}
