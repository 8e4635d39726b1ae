/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

import dev.assay.lint.internal.LintPass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Lints Argo Rollouts analysis manifests ({@code AnalysisTemplate}, {@code ClusterAnalysisTemplate},
 * {@code AnalysisRun}) and {@code Rollout}s before anything runs: CRD shape, Argo's validation, Argo's Rollout
 * reference checks, each condition type-checked against what its provider returns, and common pitfalls. Every rule,
 * with an example and its fix, is in {@code docs/lint-rules.md}.
 *
 * <pre>{@code
 * LintReport report = TemplateLinter.standard().lint(Path.of("error-rate.yaml"));
 * System.out.print(report.toText());
 * if (report.hasErrors()) { ... }
 * }</pre>
 *
 * <p>Nothing is run: no provider is called and no secret is read. Rollouts are checked against the templates of all
 * the sources of one call, so lint a Rollout together with its templates ({@link #lint(List)}). Stateless and
 * thread-safe.
 */
public final class TemplateLinter {
  private static final TemplateLinter STANDARD = new TemplateLinter();

  private TemplateLinter() {}

  /**
   * The linter with every rule of {@code docs/lint-rules.md}.
   *
   * @return the shared linter
   */
  public static TemplateLinter standard() {
    return STANDARD;
  }

  /**
   * Lints one UTF-8 file.
   *
   * @param file the file
   * @return the findings; a file that cannot be read is one {@code unreadable} finding
   */
  public LintReport lint(Path file) {
    return lint(List.of(file));
  }

  /**
   * Lints a text.
   *
   * @param yaml YAML or JSON, one or more documents
   * @param sourceName the name findings carry, such as a file name
   * @return the findings
   */
  public LintReport lint(String yaml, String sourceName) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(sourceName, "sourceName");
    LintPass pass = new LintPass();
    pass.add(sourceName, yaml);
    return new LintReport(pass.finish());
  }

  /**
   * Lints several UTF-8 files together: Rollouts in any of them are checked against the templates in all of them.
   *
   * @param files the files
   * @return the findings, file by file in the given order
   */
  public LintReport lint(List<Path> files) {
    Objects.requireNonNull(files, "files");
    LintPass pass = new LintPass();
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        pass.unreadable(f.toString(), "cannot read " + f + ": " + e.getMessage());
        continue;
      }
      pass.add(f.toString(), text);
    }
    return new LintReport(pass.finish());
  }
}
