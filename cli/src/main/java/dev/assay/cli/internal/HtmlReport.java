/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.judge.JudgeSpec;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunStatus;
import dev.assay.model.Measurement;
import dev.assay.stats.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The HTML decision report: one self-contained file. The verdict and why come first; then per metric a chart of
 * its values over time with the thresholds of simple-comparison conditions, the measurements table, where the
 * values come from, the conditions and the limits; for judge metrics also both samples (box plots and ECDFs) and
 * the confidence interval against the margin. No script, no external asset, and a Content-Security-Policy of
 * {@code default-src 'none'} so the browser fetches nothing. Styles cover print and narrow screens.
 */
final class HtmlReport {
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";

  private HtmlReport() {}

  /**
   * Renders the report of one or more runs (a Rollout's plan gives one per analysis step).
   *
   * @param runs the runs, in order
   * @return the HTML document
   */
  static String render(List<AnalysisRun> runs) {
    StringBuilder b = new StringBuilder(16_384);
    String title = runs.isEmpty() ? "no analysis ran"
        : runs.size() == 1 ? runs.get(0).metadata().name() + ": " + phase(runs.get(0).status().phase())
            : runs.size() + " analysis runs";
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"assay report\">\n")
        .append("<title>Assay report: ").append(Html.escape(title)).append("</title>\n<style>\n")
        .append(css()).append("</style>\n</head>\n<body>\n<main>\n");
    if (runs.isEmpty()) {
      b.append("<header class=\"verdict\"><h1 id=\"verdict\">No analysis ran</h1></header>\n");
    }
    int index = 0;
    for (AnalysisRun run : runs) {
      run(b, run, index++);
    }
    b.append("<footer>Written by <code>assay</code>. Times are UTC.</footer>\n</main>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void run(StringBuilder b, AnalysisRun run, int index) {
    AnalysisRunStatus s = run.status();
    String phase = phase(s.phase());
    List<MetricFacts> facts = MetricFacts.of(run);
    b.append("<article class=\"run\" data-run=\"").append(Html.escape(run.metadata().name())).append("\">\n");
    b.append("<header class=\"verdict phase-").append(phase).append("\">\n<p class=\"kicker\">AnalysisRun <code>")
        .append(Html.escape(run.metadata().name())).append("</code>")
        .append(run.metadata().namespace().isEmpty() ? "" : " in <code>" + Html.escape(run.metadata().namespace())
            + "</code>").append("</p>\n<h1><span class=\"verdict-text\"")
        .append(index == 0 ? " id=\"verdict\"" : "").append(">").append(phase).append("</span></h1>\n");
    b.append("<p class=\"why\">").append(Html.escape(why(run, facts))).append("</p>\n");
    b.append("<p class=\"times\">");
    if (s.startedAt() != null) {
      b.append("Started ").append(Times.seconds(s.startedAt()));
      if (s.completedAt() != null) {
        b.append(", completed ").append(Times.seconds(s.completedAt())).append(" (")
            .append(duration(Duration.between(s.startedAt(), s.completedAt()))).append(")");
      }
    }
    b.append("</p>\n</header>\n");

    b.append("<section class=\"summary\"><h2>Metrics</h2><div class=\"scroll\"><table>\n<thead><tr><th>Metric</th>"
        + "<th>Phase</th><th>Taken</th><th>Decided by</th></tr></thead>\n<tbody>\n");
    for (MetricFacts f : facts) {
      String p = phase(f.result().phase());
      b.append("<tr><td><a href=\"#").append(anchor(run, f)).append("\">").append(Html.escape(f.metric().name()))
          .append("</a></td><td><span class=\"badge phase-").append(p).append("\">").append(p)
          .append("</span></td><td>").append(f.result().count()).append("</td><td>")
          .append(Html.escape(f.decision())).append("</td></tr>\n");
    }
    b.append("</tbody></table></div></section>\n");
    for (MetricFacts f : facts) {
      metric(b, run, f);
    }
    b.append("</article>\n");
  }

  private static void metric(StringBuilder b, AnalysisRun run, MetricFacts f) {
    String p = phase(f.result().phase());
    b.append("<section class=\"metric\" id=\"").append(anchor(run, f)).append("\" data-metric=\"")
        .append(Html.escape(f.metric().name())).append("\" data-phase=\"").append(p).append("\">\n<h2>")
        .append(Html.escape(f.metric().name())).append(" <span class=\"badge phase-").append(p).append("\">")
        .append(p).append("</span>").append(f.result().dryRun() ? " <span class=\"badge\">dry run</span>" : "")
        .append("</h2>\n<p class=\"decision\">").append(Html.escape(f.decision())).append("</p>\n");
    chart(b, f);
    if (f.isJudge()) {
      judge(b, f);
    }
    b.append("<div class=\"facts\">\n");
    facts(b, "Source", f.source());
    facts(b, "Conditions", f.conditions());
    facts(b, "Limits and counters", f.limits());
    b.append("</div>\n");
    measurements(b, f);
    b.append("</section>\n");
  }

  /** Values over time: the number in each measurement, or for a judge the relative shift with its interval. */
  private static void chart(StringBuilder b, MetricFacts f) {
    List<SvgCharts.Point> points = new ArrayList<>();
    for (Measurement m : f.result().measurements()) {
      if (m.finishedAt() == null || m.phase() == AnalysisPhase.ERROR) {
        continue;
      }
      if (f.isJudge()) {
        OptionalDouble shift = Numbers.first(m.metadata().getOrDefault("shift", ""));
        double[] ci = Numbers.list(m.metadata().getOrDefault("ci", ""));
        if (shift.isPresent()) {
          points.add(new SvgCharts.Point(m.finishedAt(), shift.getAsDouble(), phase(m.phase()),
              ci.length == 2 ? ci[0] : Double.NaN, ci.length == 2 ? ci[1] : Double.NaN));
        }
      } else {
        OptionalDouble v = Numbers.first(m.value());
        if (v.isPresent()) {
          points.add(new SvgCharts.Point(m.finishedAt(), v.getAsDouble(), phase(m.phase()), Double.NaN,
              Double.NaN));
        }
      }
    }
    if (points.isEmpty()) {
      b.append("<p class=\"no-chart\">No numeric values to chart.</p>\n");
      return;
    }
    List<SvgCharts.Line> lines = new ArrayList<>();
    String caption;
    if (f.isJudge()) {
      for (double m : margins(f)) {
        lines.add(new SvgCharts.Line(m, "margin " + Numbers.percent(m), "margin"));
      }
      caption = "Relative shift of the canary against the baseline at each measurement, with its confidence "
          + "interval; the dashed line is the margin.";
    } else {
      for (Threshold t : Threshold.parse(f.metric().successCondition(), false)) {
        lines.add(new SvgCharts.Line(t.value(), t.label(), "threshold-pass"));
      }
      for (Threshold t : Threshold.parse(f.metric().failureCondition(), true)) {
        lines.add(new SvgCharts.Line(t.value(), t.label(), "threshold-fail"));
      }
      caption = lines.isEmpty() ? "Value of each measurement (the conditions are not simple comparisons, so no "
          + "threshold is drawn)." : "Value of each measurement; dashed lines are the thresholds of the conditions.";
    }
    b.append("<figure>").append(SvgCharts.timeSeries("values of " + f.metric().name() + " over time", points, lines))
        .append("<figcaption>").append(Html.escape(caption)).append("</figcaption></figure>\n");
  }

  private static List<Double> margins(MetricFacts f) {
    Optional<JudgeSpec> j = f.judge();
    if (j.isEmpty()) {
      return List.of();
    }
    double m = j.get().margin();
    Direction d = j.get().direction();
    if (d == Direction.DECREASE) {
      return List.of(-m);
    }
    if (d == Direction.EITHER) {
      return List.of(-m, m);
    }
    return List.of(m);
  }

  private static void judge(StringBuilder b, MetricFacts f) {
    Optional<Measurement> last = f.result().measurements().stream()
        .filter(m -> m.metadata().containsKey("ci")).reduce((a, c) -> c);
    if (last.isEmpty()) {
      return;
    }
    Map<String, String> md = last.get().metadata();
    String unit = f.judge().map(JudgeSpec::unit).orElse("");
    double[] canary = Numbers.list(md.getOrDefault("canary." + SeriesRecorder.SAMPLE_KEY, ""));
    double[] baseline = Numbers.list(md.getOrDefault("baseline." + SeriesRecorder.SAMPLE_KEY, ""));
    b.append("<div class=\"judge\">\n<h3>Latest judgement</h3>\n<p>").append(Html.escape(last.get().value()))
        .append("</p>\n");
    if (canary.length > 0 && baseline.length > 0) {
      b.append("<div class=\"pair\"><figure>").append(SvgCharts.boxes(canary, baseline, unit))
          .append("<figcaption>The two samples side by side (box: quartiles and median; whiskers: 1.5 IQR)."
              + "</figcaption></figure><figure>").append(SvgCharts.ecdf(canary, baseline, unit))
          .append("<figcaption>Cumulative distributions: a canary curve to the right of the baseline's is "
              + "slower.</figcaption></figure></div>\n");
    } else {
      b.append("<p class=\"note\">The samples were not recorded in this run (runs made by <code>assay run</code> "
          + "keep them).</p>\n");
    }
    double[] ci = Numbers.list(md.getOrDefault("ci", ""));
    OptionalDouble shift = Numbers.first(md.getOrDefault("shift", ""));
    if (ci.length == 2 && shift.isPresent()) {
      String confidence = md.getOrDefault("confidence", "");
      OptionalDouble c = Numbers.first(confidence);
      String label = (c.isPresent() ? Numbers.format(c.getAsDouble() * 100) + "% " : "") + "CI of the shift";
      b.append("<figure>").append(SvgCharts.interval(ci[0], ci[1], shift.getAsDouble(), margins(f), label))
          .append("<figcaption>The interval against the margin: entirely on the good side passes, entirely "
              + "beyond it fails, across it is inconclusive.</figcaption></figure>\n");
    }
    b.append("</div>\n");
  }

  private static void facts(StringBuilder b, String title, Map<String, String> facts) {
    b.append("<div><h3>").append(Html.escape(title)).append("</h3><dl>");
    facts.forEach((k, v) -> b.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
        .append(Html.escape(v)).append("</dd>"));
    b.append("</dl></div>\n");
  }

  private static void measurements(StringBuilder b, MetricFacts f) {
    b.append("<h3>Measurements</h3>\n");
    if (f.result().measurements().isEmpty()) {
      b.append("<p class=\"note\">None retained.</p>\n");
      return;
    }
    b.append("<div class=\"scroll\"><table class=\"measurements\">\n<thead><tr><th>Finished (UTC)</th><th>Phase</th>"
        + "<th>Value</th></tr></thead>\n<tbody>\n");
    for (Measurement m : f.result().measurements()) {
      String p = phase(m.phase());
      String at = m.finishedAt() != null ? Times.millis(m.finishedAt()).toString()
          : m.startedAt() != null ? Times.millis(m.startedAt()) + " (in flight)" : "-";
      b.append("<tr><td>").append(Html.escape(at)).append("</td><td><span class=\"badge phase-").append(p)
          .append("\">").append(p).append("</span></td><td class=\"value\">")
          .append(Html.escape(Text.cut(MetricRow.shown(m), 400))).append("</td></tr>\n");
    }
    b.append("</tbody></table></div>\n");
  }

  private static String why(AnalysisRun run, List<MetricFacts> facts) {
    if (!run.status().message().isEmpty()) {
      return run.status().message();
    }
    AnalysisPhase p = run.status().phase();
    if (p == AnalysisPhase.SUCCESSFUL) {
      return "All " + facts.size() + " metric(s) passed: every measurement was taken and no limit was exceeded.";
    }
    return p.isCompleted() ? "" : "The run has not completed.";
  }

  private static String phase(AnalysisPhase p) {
    return p == AnalysisPhase.NONE ? "Pending" : p.wireName();
  }

  private static String anchor(AnalysisRun run, MetricFacts f) {
    return ("m-" + run.metadata().name() + "-" + f.metric().name()).replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String duration(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
  }

  private static String css() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
