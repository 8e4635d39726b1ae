/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The Prometheus metric provider: runs a metric's PromQL query (instant or range) against a Prometheus HTTP API and
 * hands the result to the engine as Argo Rollouts does ({@link dev.assay.prometheus.PrometheusMetricProvider}).
 */
@NullMarked
package dev.assay.prometheus;

import org.jspecify.annotations.NullMarked;
