/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.engine;

import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Metric;
import dev.assay.template.ArgumentResolutionException;
import dev.assay.template.ArgumentResolver;
import dev.assay.template.MetricValidator;
import dev.assay.template.ResolvedMetrics;
import dev.assay.template.RunRules;
import dev.assay.template.SecretResolver;
import dev.assay.template.TemplateValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prepares a run's metrics for one evaluation, in Argo's order (docs/argo-semantics.md §2.1): resolve arguments with placeholder
 * secrets, validate, match dry-run and retention rules; then, only when measurements are due, resolve again with the
 * real secrets.
 */
final class SpecPreparation {
  private final SecretResolver secrets;

  SpecPreparation(SecretResolver secrets) {
    this.secrets = secrets;
  }

  /** Resolves with placeholder secrets and validates; the result has no secret values. */
  Prepared prepare(AnalysisRun run) {
    AnalysisRunSpec spec = run.spec();
    List<Metric> metrics;
    try {
      metrics = ArgumentResolver.resolveWithoutSecrets(spec.metrics(), spec.args());
    } catch (ArgumentResolutionException e) {
      throw new PreparationException("Unable to resolve metric arguments: " + e.getMessage());
    }
    try {
      MetricValidator.validate(metrics);
      Set<String> dry = RunRules.dryRunMetrics(spec.dryRun(), metrics);
      Map<String, Integer> limits = RunRules.retentionLimits(spec.measurementRetention(), metrics);
      return new Prepared(metrics, List.of(), dry, limits);
    } catch (TemplateValidationException e) {
      throw new PreparationException("Analysis spec invalid: " + e.getMessage());
    }
  }

  /** Resolves again with the real secret values, keeping the rules of {@code prepared}. */
  Prepared withSecrets(AnalysisRun run, Prepared prepared) {
    try {
      ResolvedMetrics r = ArgumentResolver.resolve(run.spec().metrics(), run.spec().args(),
          run.metadata().namespace(), secrets);
      return new Prepared(r.metrics(), r.secretValues(), prepared.dryRunMetrics(), prepared.retentionLimits());
    } catch (ArgumentResolutionException e) {
      throw new PreparationException("Unable to resolve metric arguments: " + e.getMessage());
    }
  }
}
