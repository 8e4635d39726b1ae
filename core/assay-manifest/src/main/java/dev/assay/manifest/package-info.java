/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Reading and writing Argo Rollouts manifests ({@code AnalysisTemplate}, {@code ClusterAnalysisTemplate},
 * {@code AnalysisRun}) as YAML or JSON, through {@link dev.assay.manifest.Manifests}.
 */
@NullMarked
package dev.assay.manifest;

import org.jspecify.annotations.NullMarked;
