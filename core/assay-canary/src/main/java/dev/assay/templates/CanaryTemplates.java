/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.templates;

import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisTemplate;
import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.MetricBuilder;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.WebMetric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Factories for the five canary templates. Every template takes the arguments {@code service-name},
 * {@code namespace}, {@code canary-hash} (and {@code stable-hash} for latency, {@code canary-url} for the web
 * checks); metric names, label names, the Prometheus address, count, interval and window are arguments with
 * defaults, so a run can override them without a new template.
 *
 * <p>Thread-safe: every method builds new immutable values.
 */
public final class CanaryTemplates {
  /** Name of the smoke-test template. */
  public static final String SMOKE_TEST = "smoke-test";
  /** Name of the error-rate template. */
  public static final String ERROR_RATE = "error-rate-analysis";
  /** Name of the latency template. */
  public static final String LATENCY = "latency-analysis";
  /** Name of the full-analysis template. */
  public static final String FULL = "full-analysis";
  /** Name of the pre-promotion template. */
  public static final String PRE_PROMOTION = "pre-promotion-analysis";
  /** The five names, in the order of the standard plan. */
  public static final List<String> NAMES = List.of(SMOKE_TEST, ERROR_RATE, LATENCY, FULL, PRE_PROMOTION);

  private static final String CANARY = "{{args.canary-hash}}";

  private CanaryTemplates() {}

  /**
   * The five templates with default options, in the order of the standard plan.
   *
   * @return the templates
   */
  public static List<AnalysisTemplate> all() {
    return List.of(smokeTest(TemplateOptions.SmokeTest.DEFAULT), errorRate(TemplateOptions.ErrorRate.DEFAULT),
        latency(TemplateOptions.Latency.DEFAULT), fullAnalysis(TemplateOptions.FullAnalysis.DEFAULT),
        prePromotion(TemplateOptions.PrePromotion.DEFAULT));
  }

  /**
   * Loads a shipped template from the classpath resource {@code dev/assay/templates/<name>.yaml}.
   *
   * @param name one of {@link #NAMES}
   * @return the template as written in the YAML
   * @throws IllegalArgumentException when there is no such template
   */
  public static AnalysisTemplate load(String name) {
    Objects.requireNonNull(name, "name");
    String resource = "/dev/assay/templates/" + name + ".yaml";
    try (InputStream in = CanaryTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no template named \"" + name + "\"; known: " + NAMES);
      }
      return Manifests.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          AnalysisTemplate.class);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /**
   * {@code smoke-test}: web checks of the canary's {@code /health}, {@code /metrics} and {@code /api/v1/status}.
   *
   * @param o the options
   * @return the template
   */
  public static AnalysisTemplate smokeTest(TemplateOptions.SmokeTest o) {
    List<Argument> args = List.of(Argument.required("canary-url"), Argument.of("count", Integer.toString(o.count())),
        Argument.of("interval", o.interval()), Argument.of("requests-metric", o.requestsMetric()));
    List<Metric> metrics = List.of(
        smokeCheck(o, "health", "result == \"UP\"", web("/health", "{$.status}")),
        smokeCheck(o, "metrics-endpoint", "result contains \"{{args.requests-metric}}\"", web("/metrics", "")),
        smokeCheck(o, "status", "result.ready == true", web("/api/v1/status", "")));
    return template(SMOKE_TEST, args, metrics);
  }

  /**
   * {@code error-rate-analysis}: the canary's 5xx rate and success rate, and its 5xx rate against stable's by the
   * sequential proportion judge ({@code error-rate-vs-stable}).
   *
   * @param o the options
   * @return the template
   */
  public static AnalysisTemplate errorRate(TemplateOptions.ErrorRate o) {
    MetricNames n = o.names();
    List<Argument> args = concat(
        List.of(Argument.required("service-name"), Argument.required("namespace"), Argument.required("canary-hash"),
            Argument.required("stable-hash"), Argument.of("prometheus-address", n.prometheusAddress()),
            Argument.of("requests-metric", n.requestsMetric()), Argument.of("status-label", n.statusLabel()),
            Argument.of("service-label", n.serviceLabel()), Argument.of("hash-label", n.hashLabel())),
        scheduleArgs(o.schedule()),
        List.of(Argument.of("max-error-increase", num(o.maxErrorIncreasePoints()))));
    List<Metric> metrics = List.of(
        scheduled("error-rate").successCondition(nonEmpty("< " + num(o.successBelow())))
            .failureCondition(nonEmpty(">= " + num(o.failAtOrAbove())))
            .provider(prometheus(ratio("=~\"5..\"", "{{args.window}}"))).build(),
        scheduled("success-rate").successCondition(nonEmpty("> " + num(o.successRateAbove())))
            .failureCondition(nonEmpty("<= " + num(o.successRateFailAtOrBelow())))
            .provider(prometheus(ratio("!~\"5..\"", "{{args.window}}"))).build(),
        scheduled("error-rate-vs-stable").successCondition("result.verdict != \"fail\"")
            .failureCondition("result.verdict == \"fail\"").provider(errorCountsJudge()).build());
    return template(ERROR_RATE, args, metrics);
  }

  /**
   * {@code latency-analysis}: canary P50 and P99, and canary P99 over stable P99.
   *
   * @param o the options
   * @return the template
   */
  public static AnalysisTemplate latency(TemplateOptions.Latency o) {
    MetricNames n = o.names();
    List<Argument> args = concat(
        List.of(Argument.required("service-name"), Argument.required("namespace"), Argument.required("canary-hash"),
            Argument.required("stable-hash"), Argument.of("prometheus-address", n.prometheusAddress()),
            Argument.of("duration-metric", n.durationMetric()), Argument.of("service-label", n.serviceLabel()),
            Argument.of("hash-label", n.hashLabel())),
        scheduleArgs(o.schedule()),
        List.of(Argument.of("max-slowdown", BigDecimal.valueOf(o.maxSlowdownRatio()).subtract(BigDecimal.ONE)
                .stripTrailingZeros().toPlainString()),
            Argument.of("judge-lookback", o.judgeLookback()), Argument.of("judge-step", o.judgeStep())));
    IntOrString limit = IntOrString.of(o.failureLimit());
    List<Metric> metrics = List.of(
        threshold(scheduled("p50-latency").failureLimit(limit), "<", ">=", o.p50BelowSeconds(),
            quantile("0.5", CANARY)),
        threshold(scheduled("p99-latency").failureLimit(limit), "<", ">=", o.p99BelowSeconds(),
            quantile("0.99", CANARY)),
        scheduled("p99-vs-stable").failureLimit(limit).inconclusiveLimit(1)
            .successCondition("result.verdict == \"pass\"").failureCondition("result.verdict == \"fail\"")
            .provider(judge(quantile("0.99", CANARY), quantile("0.99", "{{args.stable-hash}}"))).build());
    return template(LATENCY, args, metrics);
  }

  /**
   * {@code full-analysis}: error rate, P99, container restarts, memory and CPU against limits.
   *
   * @param o the options
   * @return the template
   */
  public static AnalysisTemplate fullAnalysis(TemplateOptions.FullAnalysis o) {
    MetricNames n = o.names();
    List<Argument> args = concat(
        List.of(Argument.required("service-name"), Argument.required("namespace"), Argument.required("canary-hash"),
            Argument.of("prometheus-address", n.prometheusAddress()),
            Argument.of("requests-metric", n.requestsMetric()), Argument.of("status-label", n.statusLabel()),
            Argument.of("duration-metric", n.durationMetric()), Argument.of("service-label", n.serviceLabel()),
            Argument.of("hash-label", n.hashLabel()), Argument.of("restarts-metric", n.restartsMetric()),
            Argument.of("memory-metric", n.memoryMetric()), Argument.of("cpu-metric", n.cpuMetric()),
            Argument.of("limits-metric", n.limitsMetric())),
        scheduleArgs(o.schedule()));
    String pods = "namespace=\"{{args.namespace}}\",pod=~\"{{args.service-name}}-{{args.canary-hash}}-.*\"";
    List<Metric> metrics = List.of(
        threshold(scheduled("error-rate"), "<", ">=", o.errorRateBelow(), ratio("=~\"5..\"", "{{args.window}}")),
        threshold(scheduled("p99-latency"), "<", ">=", o.p99BelowSeconds(), quantile("0.99", CANARY)),
        scheduled("pod-restarts").successCondition("len(result) == 0 || result[0] == 0")
            .failureCondition(nonEmpty("> 0"))
            .provider(prometheus("sum(increase({{args.restarts-metric}}{" + pods + "}[{{args.window}}]))")).build(),
        threshold(scheduled("memory-usage"), "<", ">=", o.memoryBelow(),
            "sum(max by (pod, container) ({{args.memory-metric}}{" + pods + ",container!=\"\"}))"
                + " / sum({{args.limits-metric}}{" + pods + ",resource=\"memory\"})"),
        threshold(scheduled("cpu-usage"), "<", ">=", o.cpuBelow(),
            "sum(rate({{args.cpu-metric}}{" + pods + ",container!=\"\"}[{{args.window}}]))"
                + " / sum({{args.limits-metric}}{" + pods + ",resource=\"cpu\"})"));
    return template(FULL, args, metrics);
  }

  /**
   * {@code pre-promotion-analysis}: a final health check and no 5xx in the error window.
   *
   * @param o the options
   * @return the template
   */
  public static AnalysisTemplate prePromotion(TemplateOptions.PrePromotion o) {
    MetricNames n = o.names();
    List<Argument> args = List.of(Argument.required("service-name"), Argument.required("namespace"),
        Argument.required("canary-hash"), Argument.required("canary-url"),
        Argument.of("prometheus-address", n.prometheusAddress()), Argument.of("requests-metric", n.requestsMetric()),
        Argument.of("status-label", n.statusLabel()), Argument.of("service-label", n.serviceLabel()),
        Argument.of("hash-label", n.hashLabel()), Argument.of("error-window", o.errorWindow()));
    List<Metric> metrics = List.of(
        Metric.builder("health").consecutiveErrorLimit(IntOrString.of(2)).successCondition("result == \"UP\"")
            .provider(web("/health", "{$.status}")).build(),
        Metric.builder("no-recent-errors").successCondition(nonEmpty("== 0")).failureCondition(nonEmpty("> 0"))
            .provider(prometheus("sum(increase({{args.requests-metric}}{" + selector(CANARY)
                + ",{{args.status-label}}=~\"5..\"}[{{args.error-window}}])) or vector(0)"))
            .build());
    return template(PRE_PROMOTION, args, metrics);
  }

  private static Metric smokeCheck(TemplateOptions.SmokeTest o, String name, String success, ProviderSpec p) {
    return Metric.builder(name).count(IntOrString.of("{{args.count}}")).interval("{{args.interval}}")
        .consecutiveErrorLimit(IntOrString.of(o.consecutiveErrorLimit())).successCondition(success).provider(p)
        .build();
  }

  private static MetricBuilder scheduled(String name) {
    return Metric.builder(name).count(IntOrString.of("{{args.count}}")).interval("{{args.interval}}");
  }

  private static Metric threshold(MetricBuilder b, String pass, String fail, double limit, String query) {
    return b.successCondition(nonEmpty(pass + " " + num(limit))).failureCondition(nonEmpty(fail + " " + num(limit)))
        .provider(prometheus(query)).build();
  }

  private static String nonEmpty(String comparison) {
    return "len(result) > 0 && result[0] " + comparison;
  }

  private static String selector(String hash) {
    return " {{args.service-label}}=\"{{args.service-name}}\",namespace=\"{{args.namespace}}\","
        + "{{args.hash-label}}=\"" + hash + "\"";
  }

  /** Canary requests matching a status regex over all canary requests; no matching series counts as 0. */
  private static String ratio(String statusMatch, String window) {
    String all = "{{args.requests-metric}}{" + selector(CANARY);
    return "(sum(rate(" + all + ",{{args.status-label}}" + statusMatch + "}[" + window + "])) or vector(0))"
        + " / sum(rate(" + all + "}[" + window + "]))";
  }

  private static String quantile(String q, String hash) {
    return "histogram_quantile(" + q + ", sum by (le) (rate({{args.duration-metric}}_bucket{" + selector(hash)
        + "}[{{args.window}}])))";
  }

  /**
   * The statistical judge (plugin {@code assay/judge}) on a canary and a baseline range series, with the margin from
   * {@code {{args.max-slowdown}}}.
   */
  private static ProviderSpec judge(String canaryQuery, String baselineQuery) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("margin", "{{args.max-slowdown}}");
    block.put("unit", "s");
    block.put("canary", Map.of("prometheus", rangeSeries(canaryQuery)));
    block.put("baseline", Map.of("prometheus", rangeSeries(baselineQuery)));
    return ProviderSpec.of("plugin", Map.of("assay/judge", block));
  }

  /**
   * The sequential proportion judge on the 5xx and request counts of the canary and of stable over each look's
   * interval (so looks do not overlap), with the margin {@code {{args.max-error-increase}}} in percentage points.
   */
  private static ProviderSpec errorCountsJudge() {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("data", "counts");
    block.put("mode", "sequential");
    block.put("marginPoints", "{{args.max-error-increase}}");
    block.put("canary", counts(CANARY));
    block.put("baseline", counts("{{args.stable-hash}}"));
    return ProviderSpec.of("plugin", Map.of("assay/judge", block));
  }

  private static Map<String, Object> counts(String hash) {
    String requests = "{{args.requests-metric}}{" + selector(hash);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", Map.of("prometheus", instant("sum(increase(" + requests
        + ",{{args.status-label}}=~\"5..\"}[{{args.interval}}]))")));
    m.put("trials", Map.of("prometheus", instant("sum(increase(" + requests + "}[{{args.interval}}]))")));
    return m;
  }

  private static Map<String, Object> instant(String query) {
    Map<String, Object> prometheus = new LinkedHashMap<>();
    prometheus.put("address", "{{args.prometheus-address}}");
    prometheus.put("query", query);
    return prometheus;
  }

  private static Map<String, Object> rangeSeries(String query) {
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("start", "now() - duration(\"{{args.judge-lookback}}\")");
    range.put("end", "now()");
    range.put("step", "{{args.judge-step}}");
    Map<String, Object> prometheus = new LinkedHashMap<>();
    prometheus.put("address", "{{args.prometheus-address}}");
    prometheus.put("query", query);
    prometheus.put("rangeQuery", range);
    return prometheus;
  }

  private static ProviderSpec prometheus(String query) {
    return ProviderSpec.of(PrometheusMetric.of("{{args.prometheus-address}}", query));
  }

  private static ProviderSpec web(String path, String jsonPath) {
    return ProviderSpec.of(new WebMetric("{{args.canary-url}}" + path, "", List.of(), "", null, 5, jsonPath, false,
        null));
  }

  private static List<Argument> scheduleArgs(Schedule s) {
    return List.of(Argument.of("window", s.window()), Argument.of("count", Integer.toString(s.count())),
        Argument.of("interval", s.interval()));
  }

  @SafeVarargs
  private static List<Argument> concat(List<Argument>... parts) {
    List<Argument> all = new java.util.ArrayList<>();
    for (List<Argument> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  private static String num(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static AnalysisTemplate template(String name, List<Argument> args, List<Metric> metrics) {
    return AnalysisTemplate.of(name, new AnalysisTemplateSpec(metrics, args, null, null, null));
  }
}
