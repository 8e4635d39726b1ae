/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Whether the output is a terminal, and how wide it is. */
final class Terminal {
  private static final int DEFAULT_WIDTH = 100;

  private Terminal() {}

  /**
   * Whether standard input and output are both a terminal (the JVM's console), so a live view can redraw.
   *
   * @return true on an interactive terminal
   */
  static boolean isInteractive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * The terminal's width in columns: {@code COLUMNS} when exported, else {@code stty size} on {@code /dev/tty},
   * else 100.
   *
   * @return the width
   */
  static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("\\d{1,4}")) {
      return Integer.parseInt(columns);
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
        String[] rowsCols = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim()
            .split("\\s+");
        if (rowsCols.length == 2 && rowsCols[1].matches("\\d{1,4}") && Integer.parseInt(rowsCols[1]) > 0) {
          return Integer.parseInt(rowsCols[1]);
        }
      }
      p.destroyForcibly();
    } catch (Exception e) {
      // no stty or no tty: use the default
    }
    return DEFAULT_WIDTH;
  }
}
