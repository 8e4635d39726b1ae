/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.templates.CanaryTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template the project ships, and every complete YAML example in the documentation (README.md and docs/*.md),
 * lints without errors or warnings; an example marked {@code # lint: expect <rule>} (docs/lint-rules.md) shows exactly
 * that rule. Examples are linted together with the shipped templates, so a Rollout example may
 * refer to them.
 */
class ShippedExamplesLintTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("(?s)```ya?ml\\n(.*?)```");
  private static final Pattern EXPECT = Pattern.compile("# lint: expect ([a-z-]+)");
  private static final Pattern ANALYSIS_KIND =
      Pattern.compile("(?m)^kind: (AnalysisTemplate|ClusterAnalysisTemplate|AnalysisRun|Rollout)\\s*$");

  static String shipped() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String name : CanaryTemplates.NAMES) {
      try (InputStream in = CanaryTemplates.class.getResourceAsStream("/dev/assay/templates/" + name + ".yaml")) {
        assertThat(in).as(name).isNotNull();
        all.append("---\n").append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  @Test
  void everyShippedTemplateLintsClean() throws IOException {
    assertThat(CanaryTemplates.NAMES).hasSizeGreaterThanOrEqualTo(5);
    for (String name : CanaryTemplates.NAMES) {
      try (InputStream in = CanaryTemplates.class.getResourceAsStream("/dev/assay/templates/" + name + ".yaml")) {
        LintReport report = TemplateLinter.standard().lint(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            name + ".yaml");
        assertThat(report.hasErrors() || report.hasWarnings()).as(report.toText()).isFalse();
      }
    }
  }

  @Test
  void everyYamlExampleInTheDocsLintsClean() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> s = Files.list(root.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    String templates = shipped();
    int linted = 0;
    int examples = 0;
    for (Path page : pages) {
      Matcher m = YAML_BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
      for (int block = 1; m.find(); block++) {
        String yaml = m.group(1);
        if (!ANALYSIS_KIND.matcher(yaml).find()) {
          continue; // fragments (a metrics: list alone) are not documents
        }
        LintReport report = TemplateLinter.standard().lint(yaml + "\n---\n" + templates,
            root.relativize(page) + " block " + block);
        Matcher expect = EXPECT.matcher(yaml);
        if (expect.find()) {
          // An example of a rule (docs/lint-rules.md): it must show that rule, and only that one.
          String rule = expect.group(1);
          assertThat(report.findings()).as(report.toText()).extracting(Finding::ruleId).contains(rule);
          assertThat(report.findings()).as(report.toText())
              .filteredOn(f -> f.severity() != Severity.INFO && !f.ruleId().equals(rule)).isEmpty();
          examples++;
        } else {
          assertThat(report.findings()).as(report.toText())
              .filteredOn(f -> f.severity() != Severity.INFO)
              .isEmpty();
        }
        linted++;
      }
    }
    assertThat(linted).as("YAML examples found").isGreaterThanOrEqualTo(1);
    assertThat(examples).as("rule examples in docs/lint-rules.md").isGreaterThanOrEqualTo(15);
  }

  /** The directory holding README.md and docs/, above this module. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
  }
}
