/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The analysis engine: Argo Rollouts' run algorithm as a pure {@link dev.assay.engine.Reconciler} step, the pure
 * assessments in {@link dev.assay.engine.Assessment}, and the embeddable {@link dev.assay.engine.AnalysisEngine}
 * runner that drives runs through a {@link dev.assay.time.Scheduler}.
 */
@NullMarked
package dev.assay.engine;

import org.jspecify.annotations.NullMarked;
