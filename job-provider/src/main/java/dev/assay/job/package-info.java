/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The Job metric provider: runs a metric's {@code job} block as a Kubernetes {@code batch/v1} Job (as Argo Rollouts
 * does) or, for test harnesses without a cluster, as a local child process. Start with
 * {@link dev.assay.job.JobMetricProvider#builder()}.
 */
@NullMarked
package dev.assay.job;

import org.jspecify.annotations.NullMarked;
