/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces secret values in text with {@code *****}: secret arguments, URL passwords, OAuth2 client secrets and
 * tokens, and the values of credential-bearing headers. Thread-safe; secrets learnt during a call (tokens) are added
 * as they appear.
 */
public final class Redactor {
  /** The replacement text, the same as the engine's. */
  public static final String MASK = "*****";

  private static final int MIN_LENGTH = 3;
  private static final List<String> SENSITIVE_HEADER_WORDS =
      List.of("auth", "token", "key", "secret", "cookie", "password", "credential", "session", "signature");

  private final List<String> secrets = new CopyOnWriteArrayList<>();

  /**
   * Creates a redactor for a set of secret values.
   *
   * @param secretValues values to hide (short values of one or two characters are ignored: hiding them would mangle
   *     every message)
   */
  public Redactor(List<String> secretValues) {
    secretValues.forEach(this::add);
  }

  /**
   * Adds a secret value.
   *
   * @param secret the value; ignored when shorter than three characters
   */
  public void add(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH && !secrets.contains(secret)) {
      secrets.add(secret);
    }
  }

  /**
   * Adds a header's value when its name suggests a credential ({@code Authorization}, {@code X-Api-Key}, ...), and
   * the credential part of a {@code Scheme credential} value.
   *
   * @param name the header name
   * @param value the header value
   */
  public void addHeader(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String word : SENSITIVE_HEADER_WORDS) {
      if (lower.contains(word)) {
        add(value.trim());
        int space = value.trim().indexOf(' ');
        if (space > 0) {
          add(value.trim().substring(space + 1).trim());
        }
        return;
      }
    }
  }

  /**
   * Hides every known secret in a text.
   *
   * @param text the text
   * @return the text with each secret replaced by {@value #MASK}
   */
  public String redact(String text) {
    List<String> longestFirst = new ArrayList<>(secrets);
    // Longer secrets first, so a secret containing another is hidden whole.
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    String out = text;
    for (String secret : longestFirst) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
