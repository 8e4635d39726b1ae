/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the files the commands produce. A file that cannot be written is bad input (exit 4). */
final class Outputs {
  private Outputs() {}

  /**
   * Writes runs in Argo's shape: YAML ({@code ---} between several), or JSON when the name ends in {@code .json}.
   *
   * @param file the file
   * @param runs the runs
   */
  static void writeRuns(Path file, List<AnalysisRun> runs) {
    boolean json = file.getFileName().toString().endsWith(".json");
    String text = runs.size() == 1 ? (json ? Manifests.writeJson(runs.get(0)) : Manifests.write(runs.get(0)))
        : (json ? Manifests.writeJson(runs) : Manifests.write(runs));
    write(file, text);
  }

  /**
   * Writes the HTML decision report.
   *
   * @param file the file
   * @param runs the runs, at least one
   */
  static void writeReport(Path file, List<AnalysisRun> runs) {
    write(file, HtmlReport.render(runs));
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new CliException(file + ": the directory " + parent + " does not exist");
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(file + ": cannot write: " + e.getMessage(), e);
    }
  }
}
