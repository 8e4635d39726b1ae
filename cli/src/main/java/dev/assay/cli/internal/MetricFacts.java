/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.cli.internal;

import dev.assay.engine.Assessment;
import dev.assay.engine.LimitCheck;
import dev.assay.judge.JudgeSpec;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.template.ArgumentResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code describe} and the HTML report say about one metric of a run: where its values come from (with
 * arguments filled in and secrets shown as {@code *****}), its conditions, its limits against its counters, and the
 * sentence that decided its phase.
 *
 * @param metric the metric with arguments resolved (secret values replaced)
 * @param result its result, or an empty one when it never measured
 * @param prometheusOverride the address {@code assay run --prometheus} sent the queries to, or empty
 */
record MetricFacts(Metric metric, MetricResult result, String prometheusOverride) {
  /** The run annotation that records {@code --prometheus}, so reports show where the queries really went. */
  static final String PROMETHEUS_ANNOTATION = "assay.dev/prometheus-address";

  /**
   * The facts of every metric of a run, in spec order.
   *
   * @param run the run
   * @return one entry per metric
   */
  static List<MetricFacts> of(AnalysisRun run) {
    List<MetricFacts> out = new ArrayList<>();
    for (Metric m : MetricRow.resolved(run)) {
      MetricResult r = run.status().metricResults().stream().filter(x -> x.name().equals(m.name())).findFirst()
          .orElse(new MetricResult(m.name(), AnalysisPhase.PENDING, List.of(), "", 0, 0, 0, 0, 0, 0, 0, false,
              Map.of()));
      out.add(new MetricFacts(m, r, run.metadata().annotations().getOrDefault(PROMETHEUS_ANNOTATION, "")));
    }
    return out;
  }

  /** The provider type, such as {@code prometheus} or {@code plugin/assay/judge}. */
  String type() {
    List<String> types = metric.provider().types();
    return types.isEmpty() ? "none" : String.join(", ", types);
  }

  /** Whether this is a statistical judge metric. */
  boolean isJudge() {
    return type().equals("plugin/" + JudgeSpec.PLUGIN_NAME);
  }

  /** The judge's settings, when this is a valid judge metric. */
  Optional<JudgeSpec> judge() {
    if (!isJudge()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JudgeSpec.of(metric));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Labelled lines saying where the values come from. */
  Map<String, String> source() {
    Map<String, String> out = new LinkedHashMap<>();
    ProviderSpec p = metric.provider();
    if (p.prometheus() != null) {
      prometheus("", p.prometheus(), out);
    } else if (p.web() != null) {
      out.put("URL", p.web().method().isEmpty() ? redact(p.web().url()) : p.web().method() + " "
          + redact(p.web().url()));
      if (!p.web().jsonPath().isEmpty()) {
        out.put("JSONPath", p.web().jsonPath());
      }
    } else if (p.job() != null) {
      out.put("Job", "a Kubernetes Job (spec in the run)");
    } else if (judge().isPresent()) {
      JudgeSpec j = judge().get();
      out.put("Rule", j.rule().toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", margin "
          + Numbers.percent(j.margin()) + ", confidence " + j.confidence() + ", direction "
          + j.direction().toString().toLowerCase(java.util.Locale.ROOT));
      series("Canary", j.canary(), out);
      series("Baseline", j.baseline(), out);
    } else {
      out.put("Provider", type());
    }
    return out;
  }

  private void series(String label, ProviderSpec spec, Map<String, String> out) {
    if (spec.prometheus() != null) {
      prometheus(label + " ", spec.prometheus(), out);
    } else {
      out.put(label, String.join(", ", spec.types()));
    }
  }

  private void prometheus(String prefix, PrometheusMetric p, Map<String, String> out) {
    out.put(prefix + "Address", prometheusOverride.isEmpty() ? redact(p.address())
        : prometheusOverride + " (--prometheus; the template says " + redact(p.address()) + ")");
    out.put(prefix + "Query", redact(p.query()));
    if (p.rangeQuery() != null) {
      out.put(prefix + "Range", "start " + p.rangeQuery().start() + ", end " + p.rangeQuery().end() + ", step "
          + p.rangeQuery().step());
    }
  }

  /** The conditions in Argo's words. */
  Map<String, String> conditions() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("successCondition", metric.successCondition().isEmpty() ? "(none)" : metric.successCondition());
    out.put("failureCondition", metric.failureCondition().isEmpty() ? "(none)" : metric.failureCondition());
    return out;
  }

  /** Count, interval and each limit next to the counter it is compared with. */
  Map<String, String> limits() {
    Map<String, String> out = new LinkedHashMap<>();
    int count = metric.effectiveCount();
    out.put("count", result.count() + " of " + (count == Metric.UNBOUNDED ? "unbounded" : count)
        + (metric.interval().isEmpty() ? "" : ", every " + metric.interval())
        + (metric.initialDelay().isEmpty() ? "" : ", after " + metric.initialDelay()));
    out.put("failureLimit", limit(metric.failureLimitValue()) + " (failed " + result.failed() + ")");
    out.put("inconclusiveLimit", metric.inconclusiveLimitValue() + " (inconclusive " + result.inconclusive() + ")");
    out.put("consecutiveErrorLimit", metric.consecutiveErrorLimitValue() + " (consecutive errors "
        + result.consecutiveError() + ", errors " + result.error() + ")");
    if (metric.consecutiveSuccessLimitValue() > 0) {
      out.put("consecutiveSuccessLimit", metric.consecutiveSuccessLimitValue() + " (consecutive successes "
          + result.consecutiveSuccess() + ")");
    }
    out.put("successful", String.valueOf(result.successful()));
    return out;
  }

  private static String limit(int value) {
    return value < 0 ? "disabled" : String.valueOf(value);
  }

  /** The sentence that decided (or so far explains) the metric's phase. */
  String decision() {
    if (!result.message().isEmpty()) {
      return result.message();
    }
    LimitCheck check = Assessment.limitCheck(metric, result);
    AnalysisPhase phase = result.phase();
    if (check.exceeded()) {
      return "assessed " + check.phase().wireName() + " due to " + check.message();
    }
    switch (phase) {
      case SUCCESSFUL:
        return "assessed Successful: " + result.count() + " measurement(s) taken, no limit exceeded"
            + (result.dryRun() ? " (dry run)" : "");
      case FAILED:
      case INCONCLUSIVE:
      case ERROR:
        return "assessed " + phase.wireName() + " (the run was terminating)";
      case PENDING:
      case NONE:
        return "not measured yet";
      default:
        return "running: " + result.count() + " measurement(s) taken so far, no limit exceeded";
    }
  }

  /** Secret argument values were replaced by a placeholder when resolving; show them as Argo's mask. */
  static String redact(String text) {
    return text.replace(ArgumentResolver.SECRET_PLACEHOLDER, MeasurementContext.REDACTED);
  }
}
