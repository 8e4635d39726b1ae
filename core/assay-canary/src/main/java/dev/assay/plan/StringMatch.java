/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * How a header value, an HTTP method or a path is matched by a header or mirror route: Argo's {@code StringMatch},
 * which has exactly one of {@code exact}, {@code prefix} and {@code regex}. A regular expression must match the whole
 * value (as Istio and Envoy match), is compiled once when the match is made, and is at most
 * {@value #MAX_REGEX_LENGTH} characters long. Immutable and thread-safe. See {@code docs/routes.md}.
 */
public final class StringMatch {
  /** The longest regular expression accepted, in characters: a bound on what a route can cost per request. */
  public static final int MAX_REGEX_LENGTH = 1024;

  /** Which of Argo's three fields the match uses. */
  public enum Kind {
    /** The value equals the text. */
    EXACT,
    /** The value starts with the text. */
    PREFIX,
    /** The whole value matches the regular expression. */
    REGEX;

    /**
     * The field name in a Rollout: {@code exact}, {@code prefix} or {@code regex}.
     *
     * @return the name
     */
    public String fieldName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final String value;
  private final @Nullable Pattern pattern;

  private StringMatch(Kind kind, String value) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.value = Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      // Argo treats an empty string as "not set" (Go's zero value), so an empty match is a missing one.
      throw new IllegalArgumentException("StringMatch value missed, match value must have one of the following: "
          + "exact, regex, prefix");
    }
    if (kind == Kind.REGEX) {
      if (value.length() > MAX_REGEX_LENGTH) {
        throw new IllegalArgumentException("regex is " + value.length() + " characters long; at most "
            + MAX_REGEX_LENGTH + " are accepted");
      }
      try {
        pattern = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("regex " + value + " does not compile: " + e.getDescription(), e);
      }
    } else {
      pattern = null;
    }
  }

  /**
   * A match of one kind.
   *
   * @param kind the kind
   * @param value the text, not empty; for {@link Kind#REGEX} a Java regular expression
   * @return the match
   * @throws IllegalArgumentException when the text is empty, too long or does not compile
   */
  public static StringMatch of(Kind kind, String value) {
    return new StringMatch(kind, value);
  }

  /**
   * Argo's {@code exact}.
   *
   * @param value the text, not empty
   * @return the match
   */
  public static StringMatch exact(String value) {
    return new StringMatch(Kind.EXACT, value);
  }

  /**
   * Argo's {@code prefix}.
   *
   * @param value the prefix, not empty
   * @return the match
   */
  public static StringMatch prefix(String value) {
    return new StringMatch(Kind.PREFIX, value);
  }

  /**
   * Argo's {@code regex}: the whole value must match.
   *
   * @param value the regular expression, at most {@value #MAX_REGEX_LENGTH} characters
   * @return the match
   * @throws IllegalArgumentException when the expression is too long or does not compile
   */
  public static StringMatch regex(String value) {
    return new StringMatch(Kind.REGEX, value);
  }

  /**
   * The kind of match.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The text: the exact value, the prefix or the regular expression.
   *
   * @return the text
   */
  public String value() {
    return value;
  }

  /**
   * Whether a value matches.
   *
   * @param candidate the value of the request (a header value, the method or the path)
   * @return true when it matches
   */
  public boolean matches(String candidate) {
    switch (kind) {
      case EXACT:
        return candidate.equals(value);
      case PREFIX:
        return candidate.startsWith(value);
      default:
        return Objects.requireNonNull(pattern, "pattern").matcher(candidate).matches();
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof StringMatch && ((StringMatch) o).kind == kind && ((StringMatch) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }

  /**
   * As a Rollout writes it, e.g. {@code exact true}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return kind.fieldName() + " " + value;
  }
}
