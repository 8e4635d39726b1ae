/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputTailTest {
  private static OutputTail drained(String text, int capacity) {
    OutputTail tail = OutputTail.start(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), capacity);
    assertThat(tail.awaitDrained(10_000)).isTrue();
    return tail;
  }

  @Test
  void text_underCapacity_keptWhole() {
    OutputTail tail = drained("one\ntwo\n", 64);

    assertThat(tail.text()).isEqualTo("one\ntwo\n");
    assertThat(tail.lastLine()).isEqualTo("two");
    assertThat(tail.totalBytes()).isEqualTo(8);
  }

  @Test
  void text_overCapacity_lastBytesWithDropMarker() {
    String big = "a".repeat(20_000) + "\nlast line\n\n";
    OutputTail tail = drained(big, 16);

    assertThat(tail.text()).isEqualTo("[" + (big.length() - 16) + " earlier bytes dropped]\n" + "aaaa\nlast line\n\n");
    assertThat(tail.lastLine()).isEqualTo("last line");
  }

  @Test
  void lastLine_empty_whenNothingWritten() {
    assertThat(drained("", 8).lastLine()).isEmpty();
    assertThat(drained("", 8).text()).isEmpty();
  }
}
