/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.Measurement;
import dev.assay.model.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay describe}: what {@code kubectl describe analysisrun} should have said. Per metric: where the values
 * come from (secrets redacted), every retained measurement with time and value, the conditions, the limits next to
 * their counters, and the sentence that decided the phase.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, description = {"Explain an AnalysisRun (from 'assay run --output' or a cluster): per "
    + "metric the resolved query, every retained measurement, the conditions, limits and counters, and the "
    + "sentence that decided its phase.", "Exit code 0, or 4 for bad input."})
public final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "RUN.yaml", description = "A file holding AnalysisRuns (YAML or JSON).")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean first = true;
    for (AnalysisRun run : Inputs.runs(file)) {
      if (!first) {
        out.println();
      }
      first = false;
      describe(out, run);
    }
    out.flush();
    return ExitCodes.SUCCESSFUL;
  }

  static void describe(PrintWriter out, AnalysisRun run) {
    AnalysisRunStatus s = run.status();
    field(out, "", "Name", run.metadata().name());
    field(out, "", "Namespace", run.metadata().namespace());
    field(out, "", "Phase", s.phase().wireName().isEmpty() ? "(not started)" : s.phase().wireName());
    if (!s.message().isEmpty()) {
      field(out, "", "Message", s.message());
    }
    field(out, "", "Started", s.startedAt() == null ? "-" : Times.millis(s.startedAt()).toString());
    field(out, "", "Completed", s.completedAt() == null ? "-" : Times.millis(s.completedAt()).toString());
    if (s.runSummary() != null) {
      RunSummary r = s.runSummary();
      field(out, "", "Summary", r.count() + " metrics: " + r.successful() + " successful, " + r.failed()
          + " failed, " + r.inconclusive() + " inconclusive, " + r.error() + " error");
    }
    if (!run.spec().args().isEmpty()) {
      StringBuilder args = new StringBuilder();
      run.spec().args().forEach(a -> args.append(args.length() == 0 ? "" : ", ").append(a.name()).append('=')
          .append(a.valueFrom() != null ? "(from " + (a.valueFrom().secretKeyRef() != null ? "secret" : "field")
              + ")" : a.value()));
      field(out, "", "Args", args.toString());
    }
    for (MetricFacts f : MetricFacts.of(run)) {
      out.println();
      out.println("Metric " + f.metric().name() + (f.result().dryRun() ? " (dry run)" : ""));
      field(out, "  ", "Phase", f.result().phase().wireName().isEmpty() ? "(none)" : f.result().phase().wireName());
      field(out, "  ", "Provider", f.type());
      f.source().forEach((k, v) -> field(out, "  ", k, v.replace('\n', ' ')));
      f.conditions().forEach((k, v) -> field(out, "  ", k, v));
      f.limits().forEach((k, v) -> field(out, "  ", k, v));
      out.println("  Measurements (" + f.result().measurements().size() + " retained, oldest first):");
      if (f.result().measurements().isEmpty()) {
        out.println("    (none)");
      }
      for (Measurement m : f.result().measurements()) {
        String at = m.finishedAt() != null ? Times.millis(m.finishedAt()).toString()
            : m.startedAt() != null ? Times.millis(m.startedAt()) + " (in flight)" : "-";
        out.println("    " + Text.column(at, 26) + Text.column(m.phase().wireName(), 14)
            + Text.cut(MetricRow.shown(m), 160));
      }
      for (Map.Entry<String, String> e : f.result().metadata().entrySet()) {
        field(out, "  ", e.getKey(), MetricFacts.redact(e.getValue()).replace('\n', ' '));
      }
      field(out, "  ", "Decided by", f.decision());
    }
  }

  private static void field(PrintWriter out, String indent, String label, String value) {
    String l = label + ":";
    out.println(indent + l + " ".repeat(Math.max(1, 24 - l.length())) + value);
  }
}
