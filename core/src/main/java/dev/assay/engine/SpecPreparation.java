/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;
import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Prepares a run's metrics for one evaluation (spec section 2.1): rule matching for dry-run and retention. */
final class SpecPreparation {
  Prepared prepare(AnalysisRun run, boolean withSecrets) {
    List<Metric> metrics = run.spec().metrics();
    Set<String> dry = new LinkedHashSet<>();
    List<DryRun> rules = run.spec().dryRun();
    for (int i = 0; i < rules.size(); i++) {
      List<String> matched = matching(rules.get(i).metricName(), metrics);
      if (matched.isEmpty()) {
        throw new PreparationException(
            "Analysis spec invalid: dryRun[" + i + "]: Rule didn't match any metric name(s)");
      }
      dry.addAll(matched);
    }
    Map<String, Integer> limits = new HashMap<>();
    List<MeasurementRetention> retention = run.spec().measurementRetention();
    for (int i = 0; i < retention.size(); i++) {
      MeasurementRetention rule = retention.get(i);
      List<String> matched = matching(rule.metricName(), metrics);
      if (matched.isEmpty()) {
        throw new PreparationException(
            "Analysis spec invalid: measurementRetention[" + i + "]: Rule didn't match any metric name(s)");
      }
      for (String name : matched) {
        limits.put(name, rule.limit());
      }
    }
    return new Prepared(metrics, List.of(), dry, limits);
  }

  private static List<String> matching(String regex, List<Metric> metrics) {
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      // Argo ignores the regexp error, so an invalid rule simply matches nothing.
      return List.of();
    }
    return metrics.stream().map(Metric::name).filter(n -> p.matcher(n).find()).toList();
  }
}
