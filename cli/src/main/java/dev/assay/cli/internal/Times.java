/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.AssayException;
import dev.assay.model.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times on the command line: RFC 3339 ({@code 2026-12-03T05:00:00Z}), Unix seconds, {@code now} and {@code now-2h}. */
final class Times {
  private Times() {}

  /**
   * Parses a time option.
   *
   * @param option the option's name, for the message
   * @param text the text
   * @param now what {@code now} means
   * @return the instant
   * @throws CliException when the text is none of the accepted forms
   */
  static Instant parse(String option, String text, Instant now) {
    String t = text.strip();
    try {
      if (t.equals("now")) {
        return now;
      }
      if (t.startsWith("now-")) {
        return now.minus(GoDuration.parse(t.substring(4)));
      }
      if (t.matches("\\d{9,11}(\\.\\d+)?")) {
        double seconds = Double.parseDouble(t);
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
      }
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException | IllegalArgumentException | AssayException e) {
      throw new CliException(option + " " + text + ": not a time; use RFC 3339 (2026-12-03T05:00:00Z), Unix "
          + "seconds, now or now-DURATION (now-2h)", e);
    }
  }

  /**
   * A time as shown in tables: whole seconds (virtual-time runs wake a millisecond after each due time, which is
   * noise to a reader).
   *
   * @param t the time
   * @return the time truncated to seconds
   */
  static Instant seconds(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /**
   * A time as shown in measurement tables: whole milliseconds.
   *
   * @param t the time
   * @return the time truncated to milliseconds
   */
  static Instant millis(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /**
   * Parses a Go duration option.
   *
   * @param option the option's name
   * @param text the text, such as {@code 1m}
   * @return the duration, positive
   */
  static Duration duration(String option, String text) {
    try {
      Duration d = GoDuration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new CliException(option + " " + text + ": must be a positive duration, such as 1m");
      }
      return d;
    } catch (IllegalArgumentException | AssayException e) {
      throw new CliException(option + " " + text + ": " + e.getMessage() + " (a Go duration, such as 30s or 1m)", e);
    }
  }
}
