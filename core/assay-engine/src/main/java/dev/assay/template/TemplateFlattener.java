/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.ClusterAnalysisTemplate;
import dev.assay.model.DryRun;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import dev.assay.model.TemplateResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Argo's {@code FlattenTemplates}: one template body from many, with Argo's duplicate checks and messages. */
final class TemplateFlattener {
  private TemplateFlattener() {}

  static AnalysisTemplateSpec flatten(List<? extends TemplateResource> templates) {
    List<TemplateResource> ordered = new ArrayList<>();
    for (TemplateResource t : templates) {
      if (!(t instanceof ClusterAnalysisTemplate)) {
        ordered.add(t);
      }
    }
    for (TemplateResource t : templates) {
      if (t instanceof ClusterAnalysisTemplate) {
        ordered.add(t);
      }
    }
    List<Metric> metrics = new ArrayList<>();
    List<DryRun> dryRun = new ArrayList<>();
    List<MeasurementRetention> retention = new ArrayList<>();
    Set<String> metricNames = new HashSet<>();
    Set<String> dryRunNames = new HashSet<>();
    Set<String> retentionNames = new HashSet<>();
    for (int i = 0; i < ordered.size(); i++) {
      List<Metric> own = ordered.get(i).spec().metrics();
      for (int j = 0; j < own.size(); j++) {
        if (!metricNames.add(own.get(j).name())) {
          throw duplicate("two metrics have the same name '" + own.get(j).name() + "'", i, "metrics", j, "name");
        }
        metrics.add(own.get(j));
      }
    }
    for (int i = 0; i < ordered.size(); i++) {
      List<DryRun> own = ordered.get(i).spec().dryRun();
      for (int j = 0; j < own.size(); j++) {
        if (!dryRunNames.add(own.get(j).metricName())) {
          throw duplicate("two Dry-Run metric rules have the same name '" + own.get(j).metricName() + "'", i,
              "dryRun", j, "metricName");
        }
        dryRun.add(own.get(j));
      }
    }
    for (int i = 0; i < ordered.size(); i++) {
      List<MeasurementRetention> own = ordered.get(i).spec().measurementRetention();
      for (int j = 0; j < own.size(); j++) {
        if (!retentionNames.add(own.get(j).metricName())) {
          throw duplicate("two Measurement Retention metric rules have the same name '" + own.get(j).metricName()
              + "'", i, "measurementRetention", j, "metricName");
        }
        retention.add(own.get(j));
      }
    }
    return new AnalysisTemplateSpec(metrics, flattenArgs(ordered), dryRun, retention, List.of());
  }

  private static List<Argument> flattenArgs(List<TemplateResource> ordered) {
    Map<String, Argument> merged = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      List<Argument> own = ordered.get(i).spec().args();
      for (int j = 0; j < own.size(); j++) {
        Argument arg = own.get(j);
        Argument existing = merged.get(arg.name());
        if (existing == null) {
          merged.put(arg.name(), arg);
        } else if (existing.value() != null && arg.value() != null && !existing.value().equals(arg.value())) {
          throw duplicate("Argument `" + arg.name() + "` specified multiple times with different values: '"
              + existing.value() + "', '" + arg.value() + "'", i, "args", j, "value");
        } else if (existing.value() == null && arg.value() != null) {
          merged.put(arg.name(), arg);
        }
      }
    }
    return new ArrayList<>(merged.values());
  }

  private static TemplateValidationException duplicate(
      String message, int template, String list, int index, String field) {
    return new TemplateValidationException(
        message, "templates[" + template + "].spec." + list + "[" + index + "]." + field);
  }
}
