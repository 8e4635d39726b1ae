/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.job.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drains one output stream of a child process on a daemon thread and keeps only its last {@code capacity} bytes, so a
 * process that floods its output neither blocks on a full pipe nor fills memory. Thread-safe.
 */
final class OutputTail {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final byte[] ring;
  private final Thread drainer;
  private long total;
  private int end;

  private OutputTail(InputStream in, int capacity) {
    this.ring = new byte[capacity];
    // A blocking pipe read needs a thread of its own; it ends at EOF, when the last writer of the pipe exits.
    this.drainer = new Thread(() -> drain(in), "assay-job-output-" + THREADS.incrementAndGet());
    this.drainer.setDaemon(true);
  }

  /**
   * Starts draining a stream.
   *
   * @param in the stream (closed when drained)
   * @param capacity how many bytes to keep, at least 1
   * @return the tail
   */
  static OutputTail start(InputStream in, int capacity) {
    OutputTail tail = new OutputTail(in, capacity);
    tail.drainer.start();
    return tail;
  }

  private void drain(InputStream in) {
    byte[] chunk = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        append(chunk, n);
      }
    } catch (IOException e) {
      // The stream closes under us when the process is killed; what was read so far is kept.
    }
  }

  private synchronized void append(byte[] chunk, int n) {
    int from = Math.max(0, n - ring.length);
    int len = n - from;
    int first = Math.min(len, ring.length - end);
    System.arraycopy(chunk, from, ring, end, first);
    System.arraycopy(chunk, from + first, ring, 0, len - first);
    end = (end + len) % ring.length;
    total += n;
  }

  private byte[] keptBytes() {
    int kept = (int) Math.min(total, ring.length);
    byte[] out = new byte[kept];
    int start = Math.floorMod(end - kept, ring.length);
    int first = Math.min(kept, ring.length - start);
    System.arraycopy(ring, start, out, 0, first);
    System.arraycopy(ring, 0, out, first, kept - first);
    return out;
  }

  /**
   * Waits until the stream reached its end, at most {@code millis} (a bounded wait on the real drainer thread).
   *
   * @param millis the longest wait
   * @return whether the stream was fully drained
   */
  boolean awaitDrained(long millis) {
    try {
      drainer.join(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !drainer.isAlive();
  }

  /**
   * How many bytes the stream produced so far.
   *
   * @return the count
   */
  synchronized long totalBytes() {
    return total;
  }

  /**
   * The kept bytes as UTF-8 text (malformed input replaced), preceded by a marker when earlier bytes were dropped.
   *
   * @return the text, empty when nothing was written
   */
  synchronized String text() {
    byte[] out = keptBytes();
    String text = new String(out, StandardCharsets.UTF_8);
    return total > out.length ? "[" + (total - out.length) + " earlier bytes dropped]\n" + text : text;
  }

  /**
   * The last non-empty line of the kept bytes, trimmed; it may be cut at the front if it is longer than the tail.
   *
   * @return the line, empty when there is none
   */
  synchronized String lastLine() {
    String[] lines = new String(keptBytes(), StandardCharsets.UTF_8).split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return lines[i].trim();
      }
    }
    return "";
  }
}
