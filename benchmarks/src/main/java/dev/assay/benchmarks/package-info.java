/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** JMH benchmarks: the condition language against hand-written Java and other expression engines. */
@NullMarked
package dev.assay.benchmarks;

import org.jspecify.annotations.NullMarked;
