/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launches the packaged {@code assay.jar} as a separate process, the way a user runs it, and captures exit code,
 * standard output and standard error. The jar is {@code -Dassay.jar} (set by failsafe) or
 * {@code target/assay.jar}; the class-data-sharing archive next to it is used when present, as bin/assay does.
 */
final class AssayJar {
  /** The packaged jar. */
  static final Path JAR = Path.of(System.getProperty("assay.jar", "target/assay.jar")).toAbsolutePath();

  /** The repository root (for the shipped templates and docs). */
  static final Path REPO = Path.of(System.getProperty("assay.repo", "..")).toAbsolutePath().normalize();

  /** The shipped templates. */
  static final Path TEMPLATES = REPO.resolve("core/assay-canary/src/main/resources/dev/assay/templates");

  private AssayJar() {}

  /**
   * The output of one command.
   *
   * @param exit the exit code
   * @param out standard output
   * @param err standard error
   */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /**
   * The java command line that runs the jar with these arguments.
   *
   * @param args the arguments after {@code assay}
   * @return the command
   */
  static List<String> command(String... args) {
    assertThat(JAR).as("the packaged jar (mvn package builds it)").exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path jsa = JAR.resolveSibling("assay.jsa");
    if (Files.exists(jsa)) {
      cmd.add("-XX:SharedArchiveFile=" + jsa);
      cmd.add("-Xshare:auto");
    }
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Runs {@code assay args...} to completion (at most two minutes) in a directory.
   *
   * @param dir the working directory
   * @param args the arguments
   * @return what it printed and its exit code
   * @throws Exception when it cannot be started or does not finish
   */
  static Result run(Path dir, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("assay %s finished within 2 minutes", List.of(args))
          .isTrue();
    } finally {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Copies a test resource into a directory.
   *
   * @param name the resource under {@code cli/}
   * @param dir the target directory
   * @return the copy
   * @throws IOException when copying fails
   */
  static Path resource(String name, Path dir) throws IOException {
    try (var in = AssayJar.class.getResourceAsStream("/cli/" + name)) {
      assertThat(in).as("test resource cli/%s", name).isNotNull();
      Path target = dir.resolve(name);
      Files.write(target, in.readAllBytes());
      return target;
    }
  }
}
