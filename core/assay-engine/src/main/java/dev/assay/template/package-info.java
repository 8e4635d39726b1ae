/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Templates, arguments and validation with Argo Rollouts' rules and messages: flattening templates into a run
 * ({@link dev.assay.template.AnalysisRuns}), resolving {@code {{args.x}}} ({@link dev.assay.template.ArgumentResolver})
 * with secrets from a {@link dev.assay.template.SecretResolver}, checking metrics
 * ({@link dev.assay.template.MetricValidator}) and matching dry-run and retention rules
 * ({@link dev.assay.template.RunRules}).
 */
@NullMarked
package dev.assay.template;

import org.jspecify.annotations.NullMarked;
