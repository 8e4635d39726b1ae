/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.manifest.Manifest;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.AnalysisTemplateSpec;
import dev.assay.model.Argument;
import dev.assay.model.DryRun;
import dev.assay.model.GoDuration;
import dev.assay.model.IntOrString;
import dev.assay.model.InvalidDurationException;
import dev.assay.model.MeasurementRetention;
import dev.assay.model.Metric;
import dev.assay.model.Resource;
import dev.assay.model.TemplateResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Argo Rollouts' {@code ValidateMetrics} (docs/argo-semantics.md §5.1): the checks run on the resolved metrics at every
 * evaluation, in Argo's order, with Argo's messages. A failure makes the run Error with the message
 * {@code Analysis spec invalid: <message>}.
 *
 * <p>Counts and limits written as strings that do not parse count as 0, as in Argo. Stateless and thread-safe.
 */
public final class MetricValidator {
  /** The value Argo's Rollout validation gives template arguments that have none. */
  static final String DUMMY_VALUE = "dummy-value";

  private MetricValidator() {}

  /**
   * Checks a template or run read from a manifest, as Argo would before running it, and points at the offending line.
   * A run's metrics are resolved with its arguments (secrets replaced by a placeholder); a template's with its own
   * defaults, a missing value replaced by {@code dummy-value} as Argo's Rollout validation does. Then the metrics are
   * checked ({@link #validate(List)}) and the dry-run and retention rules matched ({@link RunRules}). A template that
   * only references other templates has no metrics of its own and passes the metric checks.
   *
   * @param manifest the manifest, from {@code Manifests.parse}
   * @throws TemplateValidationException at the first problem, with Argo's message, the field path relative to the spec
   *     and the position in the source when known; argument problems ({@code failed to resolve {{args.x}}}) are
   *     reported the same way
   */
  public static void validate(Manifest manifest) {
    Objects.requireNonNull(manifest, "manifest");
    try {
      Resource resource = manifest.resource();
      if (resource instanceof AnalysisRun) {
        AnalysisRunSpec spec = ((AnalysisRun) resource).spec();
        checkAll(ArgumentResolver.resolveWithoutSecrets(spec.metrics(), spec.args()), spec.dryRun(),
            spec.measurementRetention(), true);
      } else {
        AnalysisTemplateSpec spec = ((TemplateResource) resource).spec();
        List<Argument> defaults = new ArrayList<>();
        for (Argument arg : spec.args()) {
          defaults.add(arg.value() != null || arg.isSecret() ? arg : Argument.of(arg.name(), DUMMY_VALUE));
        }
        checkAll(ArgumentResolver.resolveWithoutSecrets(spec.metrics(), defaults), spec.dryRun(),
            spec.measurementRetention(), spec.templates().isEmpty());
      }
    } catch (TemplateValidationException e) {
      throw manifest.position(e.fieldPath()).map(e::at).orElse(e);
    } catch (ArgumentResolutionException e) {
      TemplateValidationException converted = new TemplateValidationException(e.getMessage(), e.fieldPath());
      throw manifest.position(e.fieldPath()).map(converted::at).orElse(converted);
    }
  }

  private static void checkAll(List<Metric> metrics, List<DryRun> dryRun, List<MeasurementRetention> retention,
      boolean needsMetrics) {
    if (needsMetrics || !metrics.isEmpty()) {
      validate(metrics);
    }
    RunRules.dryRunMetrics(dryRun, metrics);
    RunRules.retentionLimits(retention, metrics);
  }

  /**
   * Checks a list of metrics (normally after argument resolution).
   *
   * @param metrics the metrics
   * @throws TemplateValidationException at the first problem, with Argo's message (such as
   *     {@code metrics[2]: interval must be specified when count > 1}) and the offending field's path
   *     ({@code metrics[2].interval})
   */
  public static void validate(List<Metric> metrics) {
    Objects.requireNonNull(metrics, "metrics");
    if (metrics.isEmpty()) {
      throw new TemplateValidationException("no metrics specified", "metrics");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = Objects.requireNonNull(metrics.get(i), "metric");
      String prefix = "metrics[" + i + "]";
      if (!names.add(metric.name())) {
        throw new TemplateValidationException(
            prefix + ": duplicate name '" + metric.name() + "'", prefix + ".name");
      }
      Problem problem = check(metric);
      if (problem != null) {
        throw new TemplateValidationException(prefix + ": " + problem.message, prefix + "." + problem.field);
      }
    }
  }

  /** What is wrong with one metric: the field and Argo's message without the {@code metrics[i]: } prefix. */
  private static final class Problem {
    final String field;
    final String message;

    Problem(String field, String message) {
      this.field = field;
      this.message = message;
    }
  }

  /** Checks one metric; null when it is valid. */
  private static @Nullable Problem check(Metric metric) {
    int count = value(metric.count());
    int failureLimit = value(metric.failureLimit());
    int inconclusiveLimit = value(metric.inconclusiveLimit());
    int successLimit = value(metric.consecutiveSuccessLimit());
    if (successLimit < 0) {
      return new Problem("consecutiveSuccessLimit", "consecutiveSuccessLimit must be >= 0");
    }
    if (failureLimit < -1) {
      return new Problem("failureLimit", "failureLimit must be >= 0, or -1 to be disabled");
    }
    if (successLimit == 0 && failureLimit == -1) {
      return new Problem("failureLimit", "failureLimit and consecutiveSuccessLimit cannot both be disabled");
    }
    if (inconclusiveLimit < 0) {
      return new Problem("inconclusiveLimit", "inconclusiveLimit must be >= 0");
    }
    if (metric.consecutiveErrorLimit() != null && metric.consecutiveErrorLimit().intValue() < 0) {
      return new Problem("consecutiveErrorLimit", "consecutiveErrorLimit must be >= 0");
    }
    if (count > 0) {
      if (failureLimit >= 0 && count < (long) failureLimit + successLimit) {
        return new Problem("count", "count (" + count + ") must be >= failureLimit + consecutiveSuccessLimit ("
            + failureLimit
            + " + " + successLimit + ") if both >= 0");
      } else if (failureLimit < 0 && count < successLimit) {
        return new Problem("count", "count must be >= consecutiveSuccessLimit");
      }
      if (count < inconclusiveLimit) {
        return new Problem("count", "count must be >= inconclusiveLimit");
      }
    }
    if (count > 1 && metric.interval().isEmpty()) {
      return new Problem("interval", "interval must be specified when count > 1");
    }
    Problem durationProblem = durationProblem(metric);
    if (durationProblem != null) {
      return durationProblem;
    }
    int providers = metric.provider().types().size();
    if (providers == 0) {
      return new Problem("provider", "no provider specified");
    }
    if (providers > 1) {
      return new Problem("provider", "multiple providers specified");
    }
    return null;
  }

  private static @Nullable Problem durationProblem(Metric metric) {
    if (!metric.interval().isEmpty()) {
      try {
        GoDuration.parse(metric.interval());
      } catch (InvalidDurationException e) {
        return new Problem("interval", "invalid interval string: " + e.getMessage());
      }
    }
    if (!metric.initialDelay().isEmpty()) {
      try {
        GoDuration.parse(metric.initialDelay());
      } catch (InvalidDurationException e) {
        // Argo's message names the field "startDelay" although it is "initialDelay".
        return new Problem("initialDelay", "invalid startDelay string: " + e.getMessage());
      }
    }
    return null;
  }

  private static int value(@Nullable IntOrString v) {
    return v == null ? 0 : v.intValue();
  }
}
