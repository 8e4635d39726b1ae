/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Assay's root package: the common exception type. */
@NullMarked
package dev.assay;

import org.jspecify.annotations.NullMarked;
