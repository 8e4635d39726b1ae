/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import dev.assay.spi.Redaction;
import dev.assay.spi.Secret;
import java.util.List;

/**
 * Replaces secret values in text with {@code *****}: secret arguments, URL passwords, OAuth2 client secrets and
 * tokens, and the values of credential-bearing headers. Thread-safe; secrets learnt during a call (tokens) are added
 * as they appear.
 */
public final class Redactor {
  /** The replacement text, the same as the engine's. */
  public static final String MASK = Secret.REDACTED;

  private static final int MIN_LENGTH = 3;

  private final Redaction redaction;

  /**
   * Creates a redactor that adds to a call's redaction, so the engine hides what this one learns too.
   *
   * @param redaction the call's redaction ({@code MeasurementContext.redaction()})
   */
  public Redactor(Redaction redaction) {
    this.redaction = redaction;
  }

  /**
   * Creates a redactor for a set of secret values.
   *
   * @param secretValues values to hide
   */
  public Redactor(List<String> secretValues) {
    this(Redaction.of(List.of()));
    secretValues.forEach(this::add);
  }

  /**
   * Adds a secret value learnt during the call, with all its renderings.
   *
   * @param secret the value; ignored when shorter than three characters (hiding one or two characters would mangle
   *     every message; secret arguments are hidden whatever their length)
   */
  public void add(String secret) {
    if (secret != null && secret.length() >= MIN_LENGTH) {
      redaction.add(Secret.of(secret));
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
    redaction.addHeader(name, value);
  }

  /**
   * Hides every known secret in a text.
   *
   * @param text the text
   * @return the text with each rendering of each secret replaced by {@value #MASK}
   */
  public String redact(String text) {
    return redaction.redact(text);
  }
}
