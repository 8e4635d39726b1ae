/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.AssayException;
import dev.assay.model.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** Go duration text for scheduling: Argo skips a metric whose interval or delay does not parse. */
final class GoDurationText {
  private GoDurationText() {}

  static Optional<Duration> parse(String text) {
    try {
      return Optional.of(GoDuration.parse(text));
    } catch (AssayException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
