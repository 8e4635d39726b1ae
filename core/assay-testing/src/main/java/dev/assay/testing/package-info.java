/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The test kit: a {@link dev.assay.testing.ManualClock} and {@link dev.assay.testing.ManualScheduler} that run an
 * analysis in virtual time, and a {@link dev.assay.testing.ScriptedProvider} that replays programmed values, errors
 * and latencies, so "what would this template have decided on these numbers" is a plain unit test.
 */
@NullMarked
package dev.assay.testing;

import org.jspecify.annotations.NullMarked;
