/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Not API; may change. Numerical building blocks of {@code dev.assay.stats}. */
@NullMarked
package dev.assay.stats.internal;

import org.jspecify.annotations.NullMarked;
