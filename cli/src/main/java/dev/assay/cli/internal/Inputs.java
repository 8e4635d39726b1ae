/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.AssayException;
import dev.assay.manifest.Manifest;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.TemplateResource;
import dev.assay.template.MetricValidator;
import dev.assay.template.TemplateValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the commands are given: template files, run files and {@code --arg name=value}. Every problem is a
 * {@link CliException} naming the file, and where known the field path, line and column; unknown fields are errors
 * (a typo such as {@code intervall} must not be silently dropped).
 */
public final class Inputs {
  private Inputs() {}

  /**
   * The templates in the files, checked as Argo would before running them.
   *
   * @param files YAML or JSON files; documents of other kinds (a Rollout, a Service) are skipped
   * @return the templates, in file order
   * @throws CliException when a file is missing or unreadable, holds no template, or a template is invalid
   */
  public static List<TemplateResource> templates(List<Path> files) {
    List<TemplateResource> out = new ArrayList<>();
    for (Path file : files) {
      int before = out.size();
      for (Manifest m : manifests(file)) {
        if (m.resource() instanceof TemplateResource) {
          validate(file, m);
          out.add((TemplateResource) m.resource());
        }
      }
      if (out.size() == before) {
        throw new CliException(file + ": no AnalysisTemplate or ClusterAnalysisTemplate in this file");
      }
    }
    return out;
  }

  /**
   * The single AnalysisRun in a file.
   *
   * @param file a YAML or JSON file written by {@code assay run --output} or taken from a cluster
   * @return the run
   * @throws CliException when the file is missing, unreadable or holds no single run
   */
  public static AnalysisRun run(Path file) {
    List<AnalysisRun> runs = runs(file);
    if (runs.size() != 1) {
      throw new CliException(file + ": expected one AnalysisRun, found " + runs.size());
    }
    return runs.get(0);
  }

  /**
   * Every AnalysisRun in a file (a Rollout's plan writes one per analysis step).
   *
   * @param file a YAML or JSON file
   * @return the runs, at least one
   * @throws CliException when the file is missing, unreadable or holds no run
   */
  public static List<AnalysisRun> runs(Path file) {
    List<AnalysisRun> runs = new ArrayList<>();
    for (Manifest m : manifests(file)) {
      if (m.resource() instanceof AnalysisRun) {
        runs.add((AnalysisRun) m.resource());
      }
    }
    if (runs.isEmpty()) {
      throw new CliException(file + ": no AnalysisRun in this file (write one with 'assay run --output run.yaml')");
    }
    return runs;
  }

  /**
   * Parses {@code --arg name=value} options; a later value for the same name wins.
   *
   * @param pairs the option values
   * @return the arguments
   * @throws CliException when a value has no {@code =} or an empty name
   */
  public static List<Argument> args(List<String> pairs) {
    Map<String, Argument> out = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new CliException("--arg " + pair + ": expected name=value, for example --arg service-name=checkout");
      }
      out.put(pair.substring(0, eq), Argument.of(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return List.copyOf(out.values());
  }

  /**
   * Checks that a file exists and is a regular, readable file.
   *
   * @param file the file
   * @return the file
   * @throws CliException when it is not
   */
  public static Path existing(Path file) {
    if (!Files.exists(file)) {
      throw new CliException(file + ": no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliException(file + ": not a readable file");
    }
    return file;
  }

  private static List<Manifest> manifests(Path file) {
    existing(file);
    try {
      List<Manifest> manifests = Manifests.parse(file);
      for (Manifest m : manifests) {
        if (!m.unknownFields().isEmpty()) {
          m.requireNoUnknownFields();
        }
      }
      return manifests;
    } catch (AssayException | IllegalArgumentException e) {
      throw new CliException(file + ": " + e.getMessage(), e);
    }
  }

  private static void validate(Path file, Manifest m) {
    try {
      MetricValidator.validate(m);
    } catch (TemplateValidationException e) {
      throw new CliException(file + ": " + e.describe(), e);
    }
  }
}
