/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The Argo Rollouts-compatible analysis model: {@code AnalysisTemplate}, {@code ClusterAnalysisTemplate} and
 * {@code AnalysisRun} (spec and status) as immutable records with Argo's field names.
 */
@NullMarked
package dev.assay.model;

import org.jspecify.annotations.NullMarked;
