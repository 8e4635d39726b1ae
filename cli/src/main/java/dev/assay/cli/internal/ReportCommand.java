/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.AnalysisRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assay report}: the HTML decision report of a saved run. */
@Command(name = "report", mixinStandardHelpOptions = true, description = {"Write the HTML decision report of AnalysisRuns: one self-contained file "
    + "(no script, no network fetches) with the verdict and why, a chart per metric with its thresholds, the "
    + "measurements and limits; for judge metrics both samples and the interval against the margin.",
    "Exit code 0, or 4 for bad input."})
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "RUN.yaml", description = "A file holding AnalysisRuns (YAML or JSON).")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "RUN.html",
      description = "Where to write the report (default: the input's name with .html).")
  Path output;

  @Override
  public Integer call() {
    List<AnalysisRun> runs = Inputs.runs(file);
    Path target = output != null ? output : defaultName(file);
    Outputs.writeReport(target, runs);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Wrote " + target + " (" + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + ", verdict "
        + runs.get(0).status().phase().wireName() + ")");
    out.flush();
    return ExitCodes.SUCCESSFUL;
  }

  private static Path defaultName(Path input) {
    String name = input.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return input.resolveSibling(name + ".html");
  }
}
