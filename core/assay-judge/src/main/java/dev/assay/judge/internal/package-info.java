/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Not API; may change. Reading judge blocks, series values and verdict texts for {@code dev.assay.judge}. */
@NullMarked
package dev.assay.judge.internal;

import org.jspecify.annotations.NullMarked;
