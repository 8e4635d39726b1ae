/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.lint.LintReport;
import dev.assay.lint.Severity;
import dev.assay.lint.TemplateLinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay lint}: the template linter's findings, as text or JSON. */
@Command(name = "lint", mixinStandardHelpOptions = true, description = {"Check AnalysisTemplates (and Rollouts referring to them) without running "
    + "anything: Argo's validation, conditions type-checked against what their providers return, and common "
    + "pitfalls, each with file:line:column and a fix.",
    "Exit codes: 0 clean (warnings allowed unless --strict), 1 errors, 4 bad input (a missing file)."})
public final class LintCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "YAML or JSON files; Rollouts in any of them are checked against the templates in all.")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (file:line:col: severity rule: message) or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--strict", description = "Warnings fail too (exit 1).")
  boolean strict;

  @Override
  public Integer call() {
    files.forEach(Inputs::existing);
    LintReport report = TemplateLinter.standard().lint(files);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(report.toJson());
    } else {
      out.print(report.toText());
      long errors = report.count(Severity.ERROR);
      long warnings = report.count(Severity.WARNING);
      long infos = report.count(Severity.INFO);
      String files = this.files.size() + " file" + (this.files.size() == 1 ? "" : "s");
      out.println(report.findings().isEmpty() ? files + ": clean"
          : files + ": " + errors + " error(s), " + warnings + " warning(s), " + infos + " info");
    }
    out.flush();
    boolean fails = report.hasErrors() || (strict && report.hasWarnings());
    return fails ? ExitCodes.FAILED : ExitCodes.SUCCESSFUL;
  }
}
