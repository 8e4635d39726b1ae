/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** The linter's rules and helpers. Not API; may change. */
@NullMarked
package dev.assay.lint.internal;

import org.jspecify.annotations.NullMarked;
