/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Exporting Assay's metrics on {@code /metrics} for Prometheus: see docs/observability.md. */
@org.jspecify.annotations.NullMarked
package dev.assay.samples.metrics;
