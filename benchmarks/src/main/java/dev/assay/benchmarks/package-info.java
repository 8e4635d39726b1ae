/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Benchmarks: JMH benchmarks of the condition language against hand-written Java and other expression engines, and
 * the engine at scale ({@link dev.assay.benchmarks.EngineScaleBenchmark}).
 */
@NullMarked
package dev.assay.benchmarks;

import org.jspecify.annotations.NullMarked;
