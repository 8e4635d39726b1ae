/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches a run's {@code dryRun} and {@code measurementRetention} rules against its metrics (docs/argo-semantics.md §2.9 and
 * §2.10). A rule's {@code metricName} is a regular expression matched unanchored (found anywhere in the name), so
 * {@code .*} matches every metric. A rule that is not a valid expression (such as {@code *}) matches nothing, and every
 * rule must match at least one metric, as in Argo. Expressions use {@link java.util.regex.Pattern} syntax, which
 * agrees with Go's RE2 for the expressions people write for metric names (see the compatibility notes).
 * Stateless and thread-safe.
 */
public final class RunRules {
  /** Measurements kept per metric when no retention rule with a positive limit applies. */
  public static final int DEFAULT_MEASUREMENT_RETENTION = 10;

  private RunRules() {}

  /**
   * The names of the metrics that run in dry-run mode.
   *
   * @param rules the dry-run rules
   * @param metrics the run's metrics
   * @return the matched metric names, in metric order; empty when there are no rules
   * @throws TemplateValidationException {@code dryRun[i]: Rule didn't match any metric name(s)} for the first rule
   *     that matches nothing (field path {@code dryRun[i].metricName})
   */
  public static Set<String> dryRunMetrics(List<DryRun> rules, List<Metric> metrics) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(metrics, "metrics");
    Set<String> matched = new LinkedHashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      Set<String> names = matching(rules.get(i).metricName(), metrics);
      if (names.isEmpty()) {
        throw noMatch("dryRun", i);
      }
      matched.addAll(names);
    }
    return java.util.Collections.unmodifiableSet(matched);
  }

  /**
   * How many measurements to keep for each metric: the limit of the last matching rule when it is positive, otherwise
   * {@value #DEFAULT_MEASUREMENT_RETENTION}.
   *
   * @param rules the retention rules
   * @param metrics the run's metrics
   * @return metric name to limit, with an entry for every metric, in metric order
   * @throws TemplateValidationException {@code measurementRetention[i]: Rule didn't match any metric name(s)} for the
   *     first rule that matches nothing (field path {@code measurementRetention[i].metricName})
   */
  public static Map<String, Integer> retentionLimits(List<MeasurementRetention> rules, List<Metric> metrics) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(metrics, "metrics");
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (Metric m : metrics) {
      limits.put(m.name(), DEFAULT_MEASUREMENT_RETENTION);
    }
    for (int i = 0; i < rules.size(); i++) {
      MeasurementRetention rule = rules.get(i);
      Set<String> names = matching(rule.metricName(), metrics);
      if (names.isEmpty()) {
        throw noMatch("measurementRetention", i);
      }
      int limit = rule.limit() > 0 ? rule.limit() : DEFAULT_MEASUREMENT_RETENTION;
      for (String name : names) {
        limits.put(name, limit);
      }
    }
    return java.util.Collections.unmodifiableMap(limits);
  }

  /**
   * Whether a rule's expression matches a metric name, unanchored; an invalid expression matches nothing.
   *
   * @param rule the {@code metricName} expression
   * @param metricName the metric name
   * @return true when the expression is found in the name
   */
  public static boolean matches(String rule, String metricName) {
    Pattern pattern = compile(rule);
    return pattern != null && pattern.matcher(metricName).find();
  }

  private static Set<String> matching(String rule, List<Metric> metrics) {
    Set<String> names = new LinkedHashSet<>();
    Pattern pattern = compile(rule);
    if (pattern != null) {
      for (Metric m : metrics) {
        if (pattern.matcher(m.name()).find()) {
          names.add(m.name());
        }
      }
    }
    return names;
  }

  private static @org.jspecify.annotations.Nullable Pattern compile(String rule) {
    try {
      return Pattern.compile(rule);
    } catch (PatternSyntaxException e) {
      // Argo ignores the regexp error and counts it as no match.
      return null;
    }
  }

  private static TemplateValidationException noMatch(String list, int index) {
    return new TemplateValidationException(list + "[" + index + "]: Rule didn't match any metric name(s)",
        list + "[" + index + "].metricName");
  }
}
