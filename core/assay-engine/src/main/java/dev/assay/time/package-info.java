/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Time abstractions for the engine: a {@link dev.assay.time.Scheduler} that runs tasks after a delay, so the engine
 * never sleeps and tests can drive it with virtual time ({@code dev.assay.testing.ManualScheduler}).
 */
@NullMarked
package dev.assay.time;

import org.jspecify.annotations.NullMarked;
