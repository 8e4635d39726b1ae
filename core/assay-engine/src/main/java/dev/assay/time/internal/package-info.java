/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Default thread-backed implementations of the time abstractions. Not API; may change. */
@NullMarked
package dev.assay.time.internal;

import org.jspecify.annotations.NullMarked;
