/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.AssayException;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.ObjectMeta;
import dev.assay.model.TemplateResource;
import dev.assay.template.AnalysisRuns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code assay backtest}: would this template have caught last Tuesday's incident? Replays the template's
 * Prometheus metrics as if a run had started at every step between two times, and prints the verdict timeline and
 * the first failing time.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, description = {"Replay a template's Prometheus metrics over history: a run as if started "
    + "at every step, with Argo's conditions and limits; prints a verdict timeline and the first failing time.",
    "Web and Job metrics are reported as not replayable.",
    "Exit codes: 0 every run passed, 1 some run Failed, 2 some Inconclusive (none failed), 3 some Error, "
        + "4 bad input or Prometheus unreachable."})
public final class BacktestCommand implements Callable<Integer> {
  /** More start times than this is almost certainly a mistake in --from/--to/--step. */
  static final int MAX_STEPS = 5000;

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "AnalysisTemplate YAML or JSON files.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--prometheus", paramLabel = "URL",
      description = "Send every Prometheus query to this server (default: the addresses in the templates).")
  String prometheus;

  @Option(names = "--from", paramLabel = "TIME", required = true,
      description = "First run start: RFC 3339, Unix seconds, or now-DURATION (now-6h).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", required = true, description = "Last run start (same forms).")
  String to;

  @Option(names = "--step", paramLabel = "DURATION", defaultValue = "1m",
      description = "Time between run starts (default: ${DEFAULT-VALUE}).")
  String step;

  @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "An argument for the templates (repeatable).")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = Instant.now();
    Instant start = Times.parse("--from", from, now);
    Instant end = Times.parse("--to", to, now);
    Duration stride = Times.duration("--step", step);
    if (end.isBefore(start)) {
      throw new CliException("--from " + from + " is after --to " + to + ": the range is empty");
    }
    long count = Duration.between(start, end).dividedBy(stride) + 1;
    if (count > MAX_STEPS) {
      throw new CliException("--from/--to/--step give " + count + " runs, more than " + MAX_STEPS
          + "; use a larger --step");
    }
    List<TemplateResource> templates = Inputs.templates(files);
    AnalysisRun run;
    try {
      run = AnalysisRuns.fromTemplates(ObjectMeta.of(templates.get(0).metadata().name(), "backtest"), templates,
          Inputs.args(args));
    } catch (AssayException | IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
    List<Metric> resolved = MetricRow.resolved(run);
    List<Metric> replayed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      Optional<String> why = Backtest.notReplayable(resolved.get(i));
      if (why.isPresent()) {
        skipped.add(resolved.get(i).name() + " (" + why.get() + ")");
      } else {
        replayed.add(run.spec().metrics().get(i));
      }
    }
    if (replayed.isEmpty()) {
      throw new CliException("nothing to replay: " + String.join("; ", skipped));
    }
    Set<String> addresses = new LinkedHashSet<>();
    if (prometheus != null) {
      addresses.add(prometheus);
    } else {
      for (Metric m : MetricRow.resolved(run.withSpec(withMetrics(run, replayed)))) {
        if (m.provider().prometheus() != null) {
          addresses.add(m.provider().prometheus().address());
        }
      }
    }
    addresses.forEach(PrometheusProbe::check);

    List<Instant> starts = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      starts.add(start.plus(stride.multipliedBy(i)));
    }
    out.println("Backtest of " + run.metadata().name() + " from " + start + " to " + end + ", a run every "
        + step + " (" + count + " runs)" + (prometheus == null ? "" : " on " + prometheus));
    out.println("Replayed:       " + String.join(", ", replayed.stream().map(Metric::name).toList()));
    if (!skipped.isEmpty()) {
      out.println("Not replayable: " + String.join("; ", skipped));
    }
    out.flush();
    List<Backtest.Step> steps;
    try (ProviderSet providers = ProviderSet.prometheusOnly(prometheus)) {
      steps = new Backtest(providers.providers()).replay(run.withSpec(withMetrics(run, replayed)), starts);
    }
    print(out, steps, stride);
    return exitCode(steps);
  }

  private static dev.assay.model.AnalysisRunSpec withMetrics(AnalysisRun run, List<Metric> metrics) {
    dev.assay.model.AnalysisRunSpec s = run.spec();
    return new dev.assay.model.AnalysisRunSpec(metrics, s.args(), s.terminate(), s.dryRun(),
        s.measurementRetention(), s.ttlStrategy());
  }

  private static void print(PrintWriter out, List<Backtest.Step> steps, Duration stride) {
    out.println();
    out.println(Text.column("RUN START", 22) + Text.column("VERDICT", 14) + Text.column("DECIDED AT", 22) + "WHY");
    for (Backtest.Step s : steps) {
      out.println(Text.column(s.start().toString(), 22) + Text.column(phaseName(s.phase()), 14)
          + Text.column(s.decidedAt() == null ? "-" : Times.seconds(s.decidedAt()).toString(), 22) + why(s));
    }
    out.println();
    out.println("Timeline (one mark per run start; . Successful  X Failed  ? Inconclusive  E Error  ~ Running):");
    int perLine = 60;
    for (int i = 0; i < steps.size(); i += perLine) {
      StringBuilder line = new StringBuilder(Text.column(steps.get(i).start().toString(), 22));
      for (int j = i; j < Math.min(steps.size(), i + perLine); j++) {
        line.append(mark(steps.get(j).phase()));
      }
      out.println(line);
    }
    out.println();
    Optional<Instant> firstFailing = steps.stream().filter(s -> s.phase() == AnalysisPhase.FAILED)
        .map(s -> Times.seconds(s.decidedAt())).min(Instant::compareTo);
    if (firstFailing.isPresent()) {
      // the earliest run that failed at that moment: runs started later may fail at the same measurement time
      Backtest.Step f = steps.stream().filter(s -> s.phase() == AnalysisPhase.FAILED
          && Times.seconds(s.decidedAt()).equals(firstFailing.get())).findFirst().orElseThrow();
      out.println("First failing time: " + firstFailing.get() + ", in runs started from " + f.start() + ": "
          + f.run().status().message());
      evidence(f).ifPresent(e -> out.println("  " + e));
    } else {
      out.println("First failing time: none (no run would have failed)");
    }
    Map<AnalysisPhase, Integer> counts = new EnumMap<>(AnalysisPhase.class);
    steps.forEach(s -> counts.merge(s.phase(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((phase, n) -> parts.add(n + " " + phaseName(phase)));
    out.println("Runs: " + String.join(", ", parts));
    out.flush();
  }

  /** The failing measurement of the first failed run: which metric, what value, when. */
  private static Optional<String> evidence(Backtest.Step f) {
    for (MetricResult r : f.run().status().metricResults()) {
      if (r.phase() == AnalysisPhase.FAILED) {
        for (Measurement m : r.measurements()) {
          if (m.phase() == AnalysisPhase.FAILED) {
            return Optional.of("metric " + r.name() + " measured " + Text.cut(MetricRow.shown(m), 120) + " at "
                + Times.seconds(m.finishedAt()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String why(Backtest.Step s) {
    if (s.decidedAt() == null) {
      return "not completed within " + Backtest.HORIZON.toHours() + "h of virtual time (unbounded count?)";
    }
    if (!s.run().status().message().isEmpty()) {
      return Text.cut(s.run().status().message(), 140);
    }
    // no message (a pass): the last value of each metric, which says how far from the thresholds it stayed
    List<String> last = new ArrayList<>();
    for (MetricResult r : s.run().status().metricResults()) {
      r.lastMeasurement().ifPresent(m -> last.add(r.name() + " " + Text.cut(MetricRow.shown(m), 30)));
    }
    return Text.cut("last: " + String.join(", ", last), 140);
  }

  private static String phaseName(AnalysisPhase p) {
    return p.wireName();
  }

  private static char mark(AnalysisPhase p) {
    switch (p) {
      case SUCCESSFUL:
        return '.';
      case FAILED:
        return 'X';
      case INCONCLUSIVE:
        return '?';
      case ERROR:
        return 'E';
      default:
        return '~';
    }
  }

  private static int exitCode(List<Backtest.Step> steps) {
    Set<AnalysisPhase> phases = new LinkedHashSet<>();
    steps.forEach(s -> phases.add(s.phase()));
    if (phases.contains(AnalysisPhase.FAILED)) {
      return ExitCodes.FAILED;
    }
    if (phases.contains(AnalysisPhase.ERROR)) {
      return ExitCodes.ERROR;
    }
    if (phases.contains(AnalysisPhase.INCONCLUSIVE) || phases.contains(AnalysisPhase.RUNNING)) {
      return ExitCodes.INCONCLUSIVE;
    }
    return ExitCodes.SUCCESSFUL;
  }
}
