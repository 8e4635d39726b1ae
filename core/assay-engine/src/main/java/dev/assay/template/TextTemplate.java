/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.gotext.GoQuote;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Argo's {@code {{tag}}} substitution over one text, collecting errors across many texts so that the reported error
 * is the one Argo reports: an unclosed tag first, otherwise the last unresolvable tag. Not thread-safe: one instance
 * per resolution.
 */
final class TextTemplate {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  private final Map<String, String> values;
  private final boolean quote;
  private @Nullable ArgumentResolutionException unclosed;
  private @Nullable ArgumentResolutionException unresolved;

  /**
   * @param values tag (such as {@code args.x}) to replacement
   * @param quote whether replacements are escaped like Go's {@code strconv.Quote} without the quotes
   */
  TextTemplate(Map<String, String> values, boolean quote) {
    this.values = values;
    this.quote = quote;
  }

  /** Replaces every tag in {@code text}; problems are recorded against {@code path} and reported by {@link #check}. */
  String apply(String text, String path) {
    int open = text.indexOf(OPEN);
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    while (open >= 0) {
      out.append(text, pos, open);
      int close = text.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        if (unclosed == null) {
          unclosed = new ArgumentResolutionException("Cannot find end tag=" + GoQuote.quote(CLOSE) + " in the template="
              + GoQuote.quote(text) + " starting from " + GoQuote.quote(text.substring(open + OPEN.length())), path);
        }
        return text;
      }
      String tag = text.substring(open + OPEN.length(), close);
      String value = values.get(tag.strip());
      if (value == null) {
        unresolved = new ArgumentResolutionException("failed to resolve {{" + tag + "}}", path);
      } else {
        out.append(quote ? GoQuote.escape(value) : value);
      }
      pos = close + CLOSE.length();
      open = text.indexOf(OPEN, pos);
    }
    out.append(text, pos, text.length());
    return out.toString();
  }

  /** Throws the error Argo would report for everything applied so far, if any. */
  void check() {
    if (unclosed != null) {
      throw unclosed;
    }
    if (unresolved != null) {
      throw unresolved;
    }
  }
}
