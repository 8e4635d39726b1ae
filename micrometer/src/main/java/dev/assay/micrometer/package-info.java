/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Metrics for dashboards and alerts: {@link dev.assay.micrometer.AssayMetrics} binds an
 * {@link dev.assay.engine.AnalysisEngine} and {@link dev.assay.plan.PlanRunner}s to any Micrometer
 * {@code MeterRegistry} with Argo Rollouts' metric names, labels and values, and {@link dev.assay.micrometer.AlertRules}
 * gives the Prometheus alert rules that go with them. See docs/observability.md.
 */
@NullMarked
package dev.assay.micrometer;

import org.jspecify.annotations.NullMarked;
