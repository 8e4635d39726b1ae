/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.lint.internal;

import dev.assay.lint.Severity;
import dev.assay.manifest.Manifest;
import dev.assay.manifest.UnknownField;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.Resource;
import dev.assay.model.TemplateResource;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.ArgumentResolver;
import dev.assay.template.MetricValidator;
import dev.assay.template.TemplateValidationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rules on a document read into the model: fields the CRD does not define ({@code unknown-field}), Argo's validation
 * ({@code argo-validation}), limits that contradict the count ({@code count-limits}) and the condition rules
 * ({@link ConditionRules}). Stateless.
 */
final class TypedRules {
  /** The value an argument without a default gets while linting: a number, so that conditions still compile. */
  private static final String PLACEHOLDER = "0";
  /** The run annotation naming the templates Assay's controller fills a run's metrics from. */
  private static final String TEMPLATES_ANNOTATION = "assay.dev/templates";
  /** Argo's provider keys besides the typed prometheus, web and job. */
  private static final java.util.Set<String> PROVIDERS = java.util.Set.of("datadog", "newRelic", "wavefront",
      "kayenta", "cloudWatch", "graphite", "influxdb", "skywalking", "plugin");

  private TypedRules() {}

  static void check(Manifest manifest, FindingSink sink) {
    for (UnknownField u : manifest.unknownFields()) {
      String name = u.path().substring(Math.max(u.path().lastIndexOf('.'), u.path().lastIndexOf(']')) + 1);
      String hint = !u.hint().isEmpty() ? u.hint() : FieldNames.nearest(name).map(n -> "did you mean '" + n + "'?")
          .orElse("remove it; the Argo CRD does not define it (kubectl apply rejects it)");
      sink.addAt("unknown-field", Severity.ERROR, u.path(), u.position(), "unknown field " + name
          + ": Argo ignores it, so whatever it was meant to do does not happen", hint);
    }
    try {
      MetricValidator.validate(manifest);
    } catch (TemplateValidationException e) {
      // An undeclared {{args.x}} is reported more precisely by undeclared-arg. A run that names its templates in the
      // annotation assay.dev/templates gets its metrics from Assay's controller (docs/controller.md).
      boolean byReference = "no metrics specified".equals(e.getMessage())
          && manifest.resource().metadata().annotations().containsKey(TEMPLATES_ANNOTATION);
      if (!e.getMessage().startsWith("failed to resolve {{args.") && !byReference) {
        sink.add("argo-validation", Severity.ERROR, "spec." + e.fieldPath(), e.getMessage(),
            "Argo Rollouts rejects this template: Analysis spec invalid");
      }
    }
    Resource r = manifest.resource();
    List<Metric> metrics = r instanceof AnalysisRun ? ((AnalysisRun) r).spec().metrics()
        : ((TemplateResource) r).spec().metrics();
    List<Argument> args = withPlaceholders(r instanceof AnalysisRun ? ((AnalysisRun) r).spec().args()
        : ((TemplateResource) r).spec().args());
    for (int i = 0; i < metrics.size(); i++) {
      providerKeys(metrics.get(i), "spec.metrics[" + i + "].provider", manifest, sink);
      Metric metric = resolved(metrics.get(i), args);
      if (metric != null) {
        String at = "spec.metrics[" + i + "]";
        limits(metric, at, sink);
        ConditionRules.check(metric, at, value(metric.inconclusiveLimit()), sink);
      }
    }
  }

  /** A provider key Argo does not define is kept by the model (as a plugin-like block), so it is checked here. */
  private static void providerKeys(Metric m, String at, Manifest manifest, FindingSink sink) {
    for (String key : m.provider().other().keySet()) {
      String path = at + "." + key;
      boolean reported = manifest.unknownFields().stream().anyMatch(u -> u.path().equals(path));
      if (!PROVIDERS.contains(key) && !reported) {
        String hint = FieldNames.nearest(key).map(n -> "did you mean '" + n + "'?")
            .orElse("use one of " + PROVIDERS + ", or plugin: {<name>: ...} for a plugin");
        sink.add("unknown-field", Severity.ERROR, path, "unknown provider " + key
            + ": no provider serves it, so every measurement is an Error", hint);
      }
    }
  }

  /** {@code count: 3, failureLimit: 3}: passes Argo's validation, but three failures never exceed the limit. */
  private static void limits(Metric m, String at, FindingSink sink) {
    int count = value(m.count());
    int failureLimit = value(m.failureLimit());
    int successLimit = value(m.consecutiveSuccessLimit());
    // count < failureLimit + consecutiveSuccessLimit is Argo's own validation error; this is the case Argo accepts.
    if (count > 0 && failureLimit >= 0 && count <= failureLimit && count >= failureLimit + successLimit) {
      sink.add("count-limits", Severity.WARNING, at + ".failureLimit", "failureLimit " + failureLimit
          + " with count " + count + ": the metric fails only when failed > failureLimit, which " + count
          + " measurements can never reach, so it can never fail",
          "lower failureLimit below count (failureLimit " + Math.max(0, count - 1) + " fails after " + count
          + " failures), or raise count");
    }
  }

  private static List<Argument> withPlaceholders(List<Argument> args) {
    List<Argument> out = new ArrayList<>();
    for (Argument a : args) {
      out.add(a.value() != null || a.isSecret() ? a : Argument.of(a.name(), PLACEHOLDER));
    }
    return out;
  }

  private static @Nullable Metric resolved(Metric metric, List<Argument> args) {
    try {
      return ArgumentResolver.resolveWithoutSecrets(List.of(metric), args).get(0);
    } catch (ArgumentResolutionException e) {
      return null; // undeclared-arg or argo-validation says why
    }
  }

  private static int value(@Nullable IntOrString v) {
    return v == null ? 0 : v.intValue();
  }
}
