/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Binaries some tests need (tmux, chromium): the test is skipped without them, unless
 * {@code -Dassay.requireExternal=true} (CI), where it fails, as for Prometheus.
 */
final class External {
  private External() {}

  /**
   * Finds a binary on the usual paths, or skips (or fails) the calling test.
   *
   * @param name the binary, such as {@code tmux}
   * @param debianPackage the Debian package that provides it
   * @return its path
   */
  static Path require(String name, String debianPackage) {
    for (String dir : new String[] {"/usr/bin", "/usr/local/bin", "/bin"}) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    String install = "apt-get install -y --no-install-recommends " + debianPackage;
    if (Boolean.getBoolean("assay.requireExternal")) {
      fail(name + " is missing and assay.requireExternal=true; install it: " + install);
    }
    assumeTrue(false, "skipped: no " + name + " binary (" + install + ")");
    return Path.of(name);
  }
}
