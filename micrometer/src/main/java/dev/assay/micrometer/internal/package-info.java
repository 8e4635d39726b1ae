/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** How {@link dev.assay.micrometer.AssayMetrics} keeps its meters. Not API; may change. */
@NullMarked
package dev.assay.micrometer.internal;

import org.jspecify.annotations.NullMarked;
