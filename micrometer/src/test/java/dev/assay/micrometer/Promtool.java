/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.prometheus.PrometheusServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code /usr/bin/promtool} (Debian package {@code prometheus}); skips or fails like PrometheusServer does. */
final class Promtool {
  /** What promtool printed and its exit code. */
  record Result(int exitCode, String output) {}

  private Promtool() {}

  static Result run(Path workDir, String... args) throws Exception {
    PrometheusServer.assumeInstalled();
    List<String> command = new ArrayList<>();
    command.add(PrometheusServer.PROMTOOL.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
