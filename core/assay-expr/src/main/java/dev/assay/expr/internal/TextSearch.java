/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.expr.internal;

/**
 * Substring search in linear time. {@link String#indexOf(String)} can take time proportional to the product of the
 * two lengths ({@code repeat("a", 1000000) contains repeat("a", 100000) + "b"}); long needles use Knuth-Morris-Pratt
 * instead, so {@code contains} costs at most a few passes over the text.
 */
final class TextSearch {
  /** Needles up to this length use the JDK's search: its worst case is then at most this many passes. */
  private static final int SHORT = 16;

  private TextSearch() {}

  static int indexOf(String hay, String needle) {
    if (needle.length() <= SHORT || needle.length() > hay.length()) {
      return hay.indexOf(needle);
    }
    int[] fail = new int[needle.length()];
    for (int i = 1, k = 0; i < needle.length(); i++) {
      while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
        k = fail[k - 1];
      }
      if (needle.charAt(i) == needle.charAt(k)) {
        k++;
      }
      fail[i] = k;
    }
    for (int i = 0, k = 0; i < hay.length(); i++) {
      while (k > 0 && hay.charAt(i) != needle.charAt(k)) {
        k = fail[k - 1];
      }
      if (hay.charAt(i) == needle.charAt(k)) {
        k++;
      }
      if (k == needle.length()) {
        return i - k + 1;
      }
    }
    return -1;
  }
}
