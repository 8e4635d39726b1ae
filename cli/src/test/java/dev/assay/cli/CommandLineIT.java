/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.cli.AssayJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that need no server, end to end through the packaged jar: exit codes and output. */
class CommandLineIT {
  @TempDir Path dir;

  @Test
  void lintShippedTemplatesIsClean() throws Exception {
    List<String> files;
    try (Stream<Path> s = Files.list(AssayJar.TEMPLATES)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).map(Path::toString).sorted()
          .collect(Collectors.toList());
    }
    assertThat(files).hasSize(5);
    Result r = AssayJar.run(dir, Stream.concat(Stream.of("lint"), files.stream()).toArray(String[]::new));
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("5 files: 0 error(s), 0 warning(s)");
  }

  @Test
  void lintErrorsExitOneWithLineAndColumn() throws Exception {
    Path typo = AssayJar.resource("lint-typo.yaml", dir);
    Result r = AssayJar.run(dir, "lint", typo.toString());
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains(typo + ":11:5: error unknown-field:").containsPattern("did you mean .successCondition.");

    Result json = AssayJar.run(dir, "lint", "--output", "json", typo.toString());
    assertThat(json.exit()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.get("errors").asInt()).isEqualTo(1);
    assertThat(root.get("findings").get(0).get("rule").asText()).isEqualTo("unknown-field");
    assertThat(root.get("findings").get(0).get("line").asInt()).isEqualTo(11);
  }

  @Test
  void lintWarningsFailOnlyWithStrict() throws Exception {
    Path warning = AssayJar.resource("lint-warning.yaml", dir);
    Result lenient = AssayJar.run(dir, "lint", warning.toString());
    assertThat(lenient.exit()).as(lenient.toString()).isZero();
    assertThat(lenient.out()).contains("warning count-limits");
    Result strict = AssayJar.run(dir, "lint", "--strict", warning.toString());
    assertThat(strict.exit()).as(strict.toString()).isEqualTo(1);
  }

  @Test
  void evalPrintsEachConditionAndThePhaseAsExitCode() throws Exception {
    Result ok = AssayJar.run(dir, "eval", "result[0] >= 0.95", "--result", "[0.97]");
    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("success    result[0] >= 0.95  => true").contains("phase      Successful");

    Result failed = AssayJar.run(dir, "eval", "result[0] >= 0.95", "--result", "[0.5]");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out()).contains("phase      Failed");

    Result inconclusive = AssayJar.run(dir, "eval", "result.ok && result.rate < 0.05", "--result",
        "{\"ok\": true, \"rate\": 0.07}", "--failure", "result.rate >= 0.1");
    assertThat(inconclusive.exit()).as(inconclusive.toString()).isEqualTo(2);
    assertThat(inconclusive.out()).contains("=> false").contains("phase      Inconclusive");
  }

  @Test
  void evalErrorShowsACaretUnderThePosition() throws Exception {
    Result r = AssayJar.run(dir, "eval", "result[0] >= 0.95 &&", "--result", "[0.97]");
    assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    List<String> lines = r.out().lines().collect(Collectors.toList());
    String source = lines.stream().filter(l -> l.startsWith("success ")).findFirst().orElseThrow();
    String error = lines.stream().filter(l -> l.contains("error at 1:")).findFirst().orElseThrow();
    String caret = lines.get(lines.indexOf(error) + 1);
    int column = Integer.parseInt(error.replaceAll(".*error at 1:(\\d+):.*", "$1"));
    // the caret sits under the column'th character of the condition as printed on the "success" line
    assertThat(caret.indexOf('^')).isEqualTo(source.indexOf("result[0]") + column - 1);
    assertThat(caret.strip()).isEqualTo("^");
    assertThat(r.out()).contains("phase      Error: could not evaluate successCondition");
  }

  @Test
  void describeSaysWhatDecidedEachMetricWithSecretsRedacted() throws Exception {
    Path run = AssayJar.resource("failed-run.yaml", dir);
    Result r = AssayJar.run(dir, "describe", run.toString());
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("Phase:                  Failed")
        .contains("Message:                Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)")
        .contains("Query:                  sum(rate(errors{service=\"checkout\",token=\"*****\"}[2m]))")
        .contains("failureLimit:           0 (failed 1)")
        .contains("2026-11-24T10:03:00Z      Failed        [0.153]")
        .contains("Decided by:             Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)"
            .replace("Metric \"error-rate\" assessed Failed due to", "assessed Failed due to"))
        .contains("Args:                   service-name=checkout, tenant-token=(from secret)")
        .doesNotContain("temp-for-secret");
  }

  @Test
  void reportIsOneSelfContainedFile() throws Exception {
    Path run = AssayJar.resource("failed-run.yaml", dir);
    Result r = AssayJar.run(dir, "report", run.toString(), "-o", "out.html");
    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Wrote out.html (1 run, verdict Failed)");
    String html = Files.readString(dir.resolve("out.html"));
    assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
        .contains("id=\"verdict\">Failed</span>")
        .contains("@media print").contains("@media (max-width: 700px)")
        .doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"\\s*(https?:)?//");
    assertThat(html.split("<svg class=\"chart timeseries\"", -1)).hasSize(3); // one chart per metric
    assertThat(html).contains("class=\"threshold threshold-fail\"").contains("fail if &gt;= 0.1")
        .contains("pass if &lt; 0.05").contains("pass if &lt; 0.5");
  }

  @Test
  void badInputIsOneLineAndExitFour() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\n"
        + "metadata: {name: x}\nspec:\n  metrics:\n  - name: a\n    intervall: 1m\n    provider: {prometheus: "
        + "{address: 'http://p:9090', query: up}}\n");
    Files.writeString(dir.resolve("broken.yaml"), "kind: AnalysisTemplate\nspec: [unclosed\n");
    List<List<String>> cases = List.of(
        List.of("run", "missing.yaml"),
        List.of("describe", "missing.yaml"),
        List.of("run", "broken.yaml"),
        List.of("run", "bad.yaml"),
        List.of("run", "--no-such-flag", "bad.yaml"),
        List.of("backtest", "bad.yaml", "--from", "2026-01-02T00:00:00Z", "--to", "2026-01-01T00:00:00Z"),
        List.of("backtest", "bad.yaml", "--from", "yesterday", "--to", "now"),
        List.of("eval", "result > 1", "--result", "[1,"),
        List.of("run", "--arg", "novalue", "bad.yaml"));
    for (List<String> args : cases) {
      Result r = AssayJar.run(dir, args.toArray(String[]::new));
      assertThat(r.exit()).as("%s: %s", args, r).isEqualTo(4);
      assertThat(r.err().lines().count()).as("%s: one line: %s", args, r).isEqualTo(1);
      assertThat(r.err()).as("%s", args).startsWith("assay: ").doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(AssayJar.run(dir, "run", "bad.yaml").err()).contains("intervall").contains("7:5");
    assertThat(AssayJar.run(dir, "backtest", "bad.yaml", "--from", "2026-01-02T00:00:00Z", "--to",
        "2026-01-01T00:00:00Z").err()).contains("the range is empty");

    Result debug = AssayJar.run(dir, "describe", "missing.yaml", "--debug");
    assertThat(debug.exit()).isEqualTo(4);
    assertThat(debug.err()).contains("\tat dev.assay.cli.");
  }

  @Test
  void helpAndVersion() throws Exception {
    Result help = AssayJar.run(dir, "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("lint", "run", "describe", "eval", "backtest", "report", "verify-split");
    for (String command : List.of("lint", "run", "describe", "eval", "backtest", "report", "verify-split")) {
      Result sub = AssayJar.run(dir, command, "--help");
      assertThat(sub.exit()).as(command + " --help").isZero();
      assertThat(sub.out()).startsWith("Usage: assay " + command);
    }
    Result version = AssayJar.run(dir, "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("assay ");
  }
}
