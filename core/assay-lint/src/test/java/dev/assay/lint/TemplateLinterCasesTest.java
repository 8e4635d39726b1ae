/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken templates of {@code src/test/resources/lint/} (written by {@code make_cases.py} there): each file says
 * in {@code # expect: <rule> <line>:<column>} headers which findings it must produce; no other error or warning rule
 * may fire.
 */
class TemplateLinterCasesTest {
  private static final Pattern EXPECT = Pattern.compile("# expect: ([a-z-]+) (\\d+):(\\d+)");

  record Expected(String rule, int line, int column) {}

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(TemplateLinterCasesTest.class.getResource("/lint")).toURI());
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    return files.stream();
  }

  static List<Expected> expectations(Path file) {
    List<Expected> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher m = EXPECT.matcher(line);
        if (m.matches()) {
          out.add(new Expected(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void atLeastFortyCasesCoverEveryRule() throws Exception {
    Set<String> rules = new HashSet<>();
    List<Path> files = cases().toList();
    files.forEach(f -> expectations(f).forEach(e -> rules.add(e.rule())));

    assertThat(files).hasSizeGreaterThanOrEqualTo(40);
    assertThat(rules).contains("unknown-field", "invalid-manifest", "yaml-syntax", "argo-validation",
        "condition-type", "condition-syntax", "condition-ignored", "unguarded-index", "nan-ratio",
        "conditions-overlap", "conditions-gap", "count-limits", "plain-secret", "undeclared-arg",
        "indefinite-metric", "missing-template", "missing-step-arg", "fieldref-path", "rollout-step");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsTheExpectedProblemAtItsLineAndColumn(Path file) {
    List<Expected> expected = expectations(file);
    LintReport report = TemplateLinter.standard().lint(file);

    assertThat(expected).as("the case declares what it expects").isNotEmpty();
    List<Expected> found = new ArrayList<>();
    report.findings().forEach(f -> found.add(new Expected(f.ruleId(), f.line(), f.column())));
    assertThat(found).as(report.toText()).containsAll(expected);
    assertThat(found).as("one finding per problem: " + report.toText()).doesNotHaveDuplicates();
    Set<String> expectedRules = new HashSet<>();
    expected.forEach(e -> expectedRules.add(e.rule()));
    assertThat(report.findings()).as(report.toText())
        .filteredOn(f -> f.severity() != Severity.INFO)
        .allSatisfy(f -> assertThat(expectedRules).contains(f.ruleId()));
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.source()).isEqualTo(file.toString()));
  }
}
