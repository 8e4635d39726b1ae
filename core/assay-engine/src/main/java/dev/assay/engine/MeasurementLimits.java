/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Size caps on what a measurement records, whatever a provider returns and however large its response limit
 * (docs/security.md, "Limits"). Applied after redaction, so a cut can never leave part of a secret behind.
 */
final class MeasurementLimits {
  /** Longest recorded value, in chars. */
  static final int MAX_VALUE_CHARS = 64 * 1024;
  /** Longest recorded message, in chars. */
  static final int MAX_MESSAGE_CHARS = 8 * 1024;
  /** Most metadata entries kept per measurement or result. */
  static final int MAX_METADATA_ENTRIES = 64;
  /** Longest metadata key, in chars. */
  static final int MAX_METADATA_KEY_CHARS = 256;
  /** Longest metadata value, in chars. */
  static final int MAX_METADATA_VALUE_CHARS = 8 * 1024;

  private MeasurementLimits() {}

  static String value(String value) {
    return cut(value, MAX_VALUE_CHARS);
  }

  static String message(String message) {
    return cut(message, MAX_MESSAGE_CHARS);
  }

  static Map<String, String> metadata(Map<String, String> metadata) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      if (out.size() == MAX_METADATA_ENTRIES) {
        break;
      }
      out.put(cut(e.getKey(), MAX_METADATA_KEY_CHARS), cut(e.getValue(), MAX_METADATA_VALUE_CHARS));
    }
    return out;
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "... (" + (text.length() - end) + " more chars)";
  }
}
