/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.AssayException;
import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisEngineBuilder;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateResource;
import dev.assay.plan.CanaryPlan;
import dev.assay.plan.CanaryStep;
import dev.assay.plan.PlanListener;
import dev.assay.plan.PlanPhase;
import dev.assay.plan.PlanRunner;
import dev.assay.plan.PlanStatus;
import dev.assay.template.AnalysisRuns;
import dev.assay.template.SecretResolver;
import dev.assay.templates.CanaryTemplates;
import dev.assay.time.CloseableScheduler;
import dev.assay.time.Schedulers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay run}: runs templates (or a Rollout's canary plan) with the real providers. */
@Command(name = "run", mixinStandardHelpOptions = true, description = {"Run AnalysisTemplates (or a Rollout's canary steps) with the real providers.",
    "Shows live progress on a terminal, plain lines otherwise; ends with the verdict and why.",
    "Exit codes: 0 Successful, 1 Failed, 2 Inconclusive, 3 Error, 4 bad input."})
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "AnalysisTemplate / ClusterAnalysisTemplate YAML or JSON files (with --rollout: the templates "
          + "its steps name; default: the five shipped templates).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "An argument for the templates (repeatable).")
  List<String> args = new ArrayList<>();

  @Option(names = "--prometheus", paramLabel = "URL",
      description = "Send every Prometheus query to this server, whatever address the templates name.")
  String prometheus;

  @Option(names = "--rollout", paramLabel = "ROLLOUT.yaml",
      description = "Run the canary steps of this Rollout: setWeight is printed, pauses wait, analysis steps run.")
  Path rollout;

  @Option(names = "--name", paramLabel = "NAME", description = "The AnalysisRun's name (default: the first "
      + "template's name).")
  String name;

  @Option(names = "--namespace", paramLabel = "NS", defaultValue = "default",
      description = "The AnalysisRun's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--stable-hash", paramLabel = "HASH", defaultValue = "stable",
      description = "With --rollout: what podTemplateHashValue: Stable resolves to (default: ${DEFAULT-VALUE}).")
  String stableHash;

  @Option(names = "--canary-hash", paramLabel = "HASH", defaultValue = "canary",
      description = "With --rollout: what podTemplateHashValue: Latest resolves to (default: ${DEFAULT-VALUE}).")
  String canaryHash;

  @Option(names = {"-o", "--output"}, paramLabel = "RUN.yaml",
      description = "Write the completed AnalysisRun(s) in Argo's shape (YAML; .json for JSON).")
  Path output;

  @Option(names = "--report", paramLabel = "RUN.html", description = "Write the HTML decision report.")
  Path report;

  @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
  boolean plain;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Argument> arguments = Inputs.args(args);
    if (rollout == null && files.isEmpty()) {
      throw new CliException("no template given: assay run TEMPLATE.yaml... (or --rollout ROLLOUT.yaml)");
    }
    List<TemplateResource> templates = files.isEmpty() ? List.copyOf(CanaryTemplates.all())
        : Inputs.templates(files);
    Clock clock = Clock.systemUTC();
    try (CloseableScheduler scheduler = Schedulers.system(2);
         ProviderSet providers = ProviderSet.standard(prometheus);
         RunView view = view(out, clock, scheduler)) {
      AnalysisEngineBuilder builder = AnalysisEngine.builder().clock(clock).scheduler(scheduler).listener(view)
          .secretResolver(SecretResolver.fromEnvironment());
      providers.providers().forEach(builder::provider);
      try (AnalysisEngine engine = builder.build()) {
        return rollout == null ? runTemplates(engine, templates, arguments, view, out)
            : runPlan(engine, scheduler, templates, arguments, view, out);
      }
    }
  }

  private RunView view(PrintWriter out, Clock clock, CloseableScheduler scheduler) {
    if (!plain && Terminal.isInteractive()) {
      return new LiveView(out, clock, scheduler, Terminal.width());
    }
    return new ProgressLines(out, clock);
  }

  private int runTemplates(AnalysisEngine engine, List<TemplateResource> templates, List<Argument> arguments,
      RunView view, PrintWriter out) throws Exception {
    String runName = name != null ? name : templates.get(0).metadata().name();
    AnalysisRun run;
    try {
      run = AnalysisRuns.fromTemplates(metadata(runName), templates, arguments);
    } catch (AssayException | IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
    if (view instanceof LiveView) {
      ((LiveView) view).start(run);
    }
    AnalysisRun done = await(engine.start(run).completion().toCompletableFuture());
    view.finish(done);
    out.println();
    printVerdict(out, done);
    write(List.of(done));
    return ExitCodes.of(done.status().phase());
  }

  private int runPlan(AnalysisEngine engine, CloseableScheduler scheduler, List<TemplateResource> templates,
      List<Argument> arguments, RunView view, PrintWriter out) throws Exception {
    CanaryPlan plan;
    try {
      plan = CanaryPlan.fromRollout(Inputs.existing(rollout));
    } catch (AssayException | IllegalArgumentException e) {
      throw new CliException(rollout + ": " + e.getMessage(), e);
    }
    CompletableFuture<PlanStatus> settled = new CompletableFuture<>();
    List<AnalysisRun> analyses = new ArrayList<>();
    int steps = plan.steps().size();
    PlanListener listener = new PlanListener() {
      @Override
      public void stepStarted(int index, CanaryStep step, PlanStatus status) {
        view.note(String.format("step %d/%d  %s", index + 1, steps, step.describe()));
      }

      @Override
      public void analysisCompleted(int index, AnalysisRun run) {
        synchronized (analyses) {
          analyses.add(run);
        }
        view.finish(run);
        view.note(String.format("step %d/%d  AnalysisRun %s: %s", index + 1, steps, run.metadata().name(),
            run.status().phase().wireName()));
      }

      @Override
      public void phaseChanged(PlanStatus status) {
        if (status.phase().isDone() || status.phase() == PlanPhase.PAUSED) {
          settled.complete(status);
        }
      }
    };
    PlanRunner runner;
    try {
      runner = PlanRunner.builder().plan(plan).engine(engine).scheduler(scheduler)
          .router(new NotingRouter(view::note)).templates(templates).args(arguments)
          .name(name != null ? name : "assay", namespace).podTemplateHashes(stableHash, canaryHash)
          .listener(listener).build();
    } catch (AssayException | IllegalArgumentException e) {
      throw new CliException(rollout + ": " + e.getMessage(), e);
    }
    runner.start();
    PlanStatus status = await(settled);
    view.close();
    out.println();
    out.println("Rollout " + describe(status.phase()) + " at step " + (status.stepIndex() + 1) + "/" + steps
        + " (canary weight " + status.weight() + "%)" + (status.message().isEmpty() ? "" : ": "));
    if (!status.message().isEmpty()) {
      out.println(status.message());
    }
    List<AnalysisRun> runs;
    synchronized (analyses) {
      runs = List.copyOf(analyses);
    }
    write(runs);
    return planExitCode(status, runs);
  }

  /** The run's name and namespace, with {@code --prometheus} recorded so that reports show the real address. */
  private ObjectMeta metadata(String runName) {
    Map<String, String> annotations = prometheus == null ? Map.of()
        : Map.of(MetricFacts.PROMETHEUS_ANNOTATION, prometheus);
    return new ObjectMeta(runName, namespace, "", Map.of(), annotations, Map.of());
  }

  private static String describe(PlanPhase phase) {
    switch (phase) {
      case PROMOTED:
        return "PROMOTED";
      case ROLLED_BACK:
        return "ROLLED BACK";
      default:
        return "PAUSED";
    }
  }

  private static int planExitCode(PlanStatus status, List<AnalysisRun> runs) {
    if (status.phase() == PlanPhase.PROMOTED) {
      return ExitCodes.SUCCESSFUL;
    }
    if (status.phase() == PlanPhase.PAUSED) {
      return ExitCodes.INCONCLUSIVE;
    }
    boolean errored = runs.stream().anyMatch(r -> r.status().phase() == AnalysisPhase.ERROR);
    return errored ? ExitCodes.ERROR : ExitCodes.FAILED;
  }

  private void write(List<AnalysisRun> runs) {
    if (output != null) {
      Outputs.writeRuns(output, runs);
    }
    if (report != null) {
      Outputs.writeReport(report, runs);
    }
  }

  static void printVerdict(PrintWriter out, AnalysisRun run) {
    String phase = run.status().phase().wireName();
    String message = run.status().message();
    out.println("Verdict: " + phase + (message.isEmpty() ? "" : " - " + message));
    for (MetricFacts f : MetricFacts.of(run)) {
      String last = f.result().lastMeasurement().map(MetricRow::shown).orElse("-");
      out.println("  " + Text.column(f.metric().name(), 18) + " " + Text.column(f.result().phase().wireName(), 13)
          + Text.column(f.result().count() + " taken", 9) + " last " + Text.cut(last, 70));
      out.println("  " + " ".repeat(19) + f.decision());
    }
    out.flush();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    }
  }
}
